import { t } from "../../i18n";
import { ThanksHeading } from "../components/thanks-heading";
import { useCountdown } from "./use-countdown";

/** After a kiosk submit: thanks, then a fresh survey for the next person, by button or by itself. */
export function KioskThanks({ ms, onNext }: { ms: number; onNext(): void }) {
  const left = useCountdown(ms, onNext);
  return (
    <div class="thanks">
      <ThanksHeading />
      <p>{t("kiosk.savedHere")}</p>
      <button type="button" class="button button--primary button--wide" onClick={onNext}>
        {t("kiosk.next")}
      </button>
      <p class="hint">{t("kiosk.nextIn", { n: left })}</p>
    </div>
  );
}
