import { useEffect } from "preact/hooks";
import { t } from "../../i18n";
import { serverWait, watchServerWait } from "../device/server-wait";
import { storageHealth, storageWarnings } from "../device/storage-health";
import { syncStatus } from "../device/sync";
import { useOnline } from "../hooks/use-online";
import { useStore } from "../hooks/use-store";
import { useLocale } from "../locale-context";
import { Link } from "../router/link";
import { SyncNowButton } from "./sync-now-button";

/**
 * What concerns a resident's answers: saved here, sent, or waiting and why. Always visible, so
 * nobody wonders where answers went. Storage protection and the endpoint are staff's business
 * (/settings, the kiosk's staff panel): "not protected" told a resident nothing they could act on.
 */
export function StatusBar() {
  const { locale } = useLocale();
  const online = useOnline();
  const status = useStore(syncStatus);
  const waitUntil = useStore(serverWait);
  useEffect(watchServerWait, []);
  const warnings = storageWarnings(useStore(storageHealth), Date.now());
  const { pending, rejected, conflict } = status.counts;
  return (
    <footer class="status-bar">
      <ul class="status-bar__facts">
        <li class={online ? "is-online" : "is-offline"}>
          <span aria-hidden="true">{online ? "●" : "○"}</span>{" "}
          {online ? t("status.online") : t("status.offline")}
        </li>
        <li>{t("status.pending", { n: pending })}</li>
        {pending > 0 && waitUntil !== undefined && (
          <li class="is-warning" data-testid="server-wait">
            {t("status.serverWait", {
              time: new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(waitUntil),
            })}
          </li>
        )}
        {rejected + conflict > 0 && (
          <li class="is-warning">
            <Link href="/held" class="status-bar__link">
              {t("status.held", { n: rejected + conflict })}
            </Link>
          </li>
        )}
        {status.phase === "unauthorized" && <li class="is-warning">{t("status.unauthorized")}</li>}
        {warnings.oldUnsent && <li class="is-warning">{t("storage.barOldUnsent")}</li>}
        {warnings.nearlyFull && <li class="is-warning">{t("storage.barNearlyFull")}</li>}
      </ul>
      <div class="status-bar__actions">
        <SyncNowButton class="button button--small" />
      </div>
    </footer>
  );
}
