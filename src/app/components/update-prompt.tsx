import { t } from "../../i18n";
import { answering } from "../device/answering";
import { offlineReady, pendingUpdate } from "../device/app-update";
import { useStore } from "../hooks/use-store";
import { useLocale } from "../locale-context";

/**
 * A quiet offer, never a forced reload. While someone is answering it only says that a new version
 * will be offered afterwards and that their answers are kept; the reload button comes once they are
 * done (thank-you screen, or before they start).
 */
export function UpdatePrompt({ offlineNote = true }: { offlineNote?: boolean }) {
  // The live region stays in the page so that what appears in it is announced.
  return (
    <div class="update-area" aria-live="polite">
      <PromptContent offlineNote={offlineNote} />
    </div>
  );
}

/** `offlineNote`: whether to say the survey now opens offline (a resident's news, not the dashboard's). */
function PromptContent({ offlineNote }: { offlineNote: boolean }) {
  useLocale();
  const apply = useStore(pendingUpdate);
  const busy = useStore(answering);
  const ready = useStore(offlineReady);
  if (apply && busy)
    return (
      <div class="update-prompt">
        <span>{t("update.afterAnswers")}</span>
      </div>
    );
  if (apply)
    return (
      <div class="update-prompt">
        <span>{t("update.available")}</span>
        <button type="button" class="button button--small" onClick={apply}>
          {t("update.reload")}
        </button>
        <button
          type="button"
          class="button button--small button--quiet"
          onClick={() => pendingUpdate.set(undefined)}
        >
          {t("update.later")}
        </button>
      </div>
    );
  if (ready && offlineNote)
    return (
      <div class="update-prompt update-prompt--ready">
        <span>{t("update.offlineReady")}</span>
        <button
          type="button"
          class="button button--small button--quiet"
          onClick={() => offlineReady.set(false)}
        >
          {t("update.dismiss")}
        </button>
      </div>
    );
  return null;
}
