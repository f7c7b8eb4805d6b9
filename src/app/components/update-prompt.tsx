import { t } from "../../i18n";
import { useStore } from "../hooks/use-store";
import { useLocale } from "../locale-context";
import { pendingUpdate } from "../services/app-update";

/** A quiet offer, never a forced reload: the respondent may be in the middle of answering. */
export function UpdatePrompt() {
  useLocale();
  const apply = useStore(pendingUpdate);
  if (!apply) return null;
  return (
    <div class="update-prompt" role="status">
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
}
