import { t } from "../../i18n";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useCountdown } from "./use-countdown";

/** "Are you still there?": continue keeps the answers; silence discards them for the next person. */
export function IdleWarning({
  ms,
  onContinue,
  onTimeout,
}: {
  ms: number;
  onContinue(): void;
  onTimeout(): void;
}) {
  const left = useCountdown(ms, onTimeout);
  const buttonRef = useFocusOnShow<HTMLButtonElement>();
  return (
    <div class="kiosk-overlay">
      <div
        class="kiosk-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
      >
        <h2 id="idle-title">{t("kiosk.idleTitle")}</h2>
        <p id="idle-body">{t("kiosk.idleBody", { n: left })}</p>
        <button
          ref={buttonRef}
          type="button"
          class="button button--primary button--wide"
          onClick={onContinue}
        >
          {t("kiosk.continue")}
        </button>
      </div>
    </div>
  );
}
