import { t } from "../../i18n";
import { syncNow, syncStatus } from "../device/sync";
import { useStore } from "../hooks/use-store";
import { BusyButton } from "./busy-button";

/** "Send now": busy while any sync runs, this device's own or one started in the background. */
export function SyncNowButton({ class: className }: { class: string }) {
  const syncing = useStore(syncStatus).phase === "syncing";
  return (
    <BusyButton class={className} busy={syncing} onClick={syncNow}>
      {syncing ? t("status.syncing") : t("status.syncNow")}
    </BusyButton>
  );
}
