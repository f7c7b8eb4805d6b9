import { useEffect, useRef } from "preact/hooks";
import { t } from "../../i18n";
import { useCountdown } from "./use-countdown";

/** After a kiosk submit: thanks, then a fresh survey for the next person, by button or by itself. */
export function KioskThanks({ ms, onNext }: { ms: number; onNext(): void }) {
  const left = useCountdown(ms, onNext);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div class="thanks">
      <p class="thanks__mark" aria-hidden="true">
        ✓
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {t("thanks.title")}
      </h1>
      <p>{t("kiosk.savedHere")}</p>
      <button type="button" class="button button--primary button--wide" onClick={onNext}>
        {t("kiosk.next")}
      </button>
      <p class="hint">{t("kiosk.nextIn", { n: left })}</p>
    </div>
  );
}
