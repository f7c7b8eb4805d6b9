import { t } from "../../i18n";

export function LoadError({ onRetry }: { onRetry: () => void }) {
  return (
    <div class="notice notice--error" role="alert">
      <p>{t("common.loadError")}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}
