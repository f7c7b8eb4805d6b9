import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { endEvent } from "../device/kiosk";

/** Ends the event on this tablet, after staff confirm, with how many answers still wait to be sent. */
export function EndEvent({ waiting, onEnded }: { waiting: number; onEnded(): void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="staff-panel__end" aria-labelledby="end-event-title">
      <h2 id="end-event-title">{t("staff.endTitle")}</h2>
      <p>{t("staff.endNote")}</p>
      {confirming ? (
        <div class="notice" role="alert">
          <p>{t("staff.endConfirm", { n: waiting })}</p>
          <div class="nav-buttons">
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t("staff.cancel")}
            </button>
            <button
              type="button"
              class="button button--primary"
              onClick={() => void endEvent().then(onEnded, () => {})}
            >
              {t("staff.endYes")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button button--secondary" onClick={() => setConfirming(true)}>
          {t("staff.end")}
        </button>
      )}
    </section>
  );
}
