import type { SurveyDefinition } from "../../domain/definition";
import { t } from "../../i18n";
import { BusyButton } from "../components/busy-button";
import { SyncNowButton } from "../components/sync-now-button";
import type { KioskState } from "../device/kiosk";
import { persistence } from "../device/persistence";
import { syncStatus } from "../device/sync";
import { HeldAnswers } from "../held/held-answers";
import { useBackupDownload } from "../hooks/use-backup-download";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useStore } from "../hooks/use-store";
import { useLocale } from "../locale-context";
import { EndEvent } from "./end-event";
import { EventTally } from "./event-tally";
import { StaffFacts } from "./staff-facts";
import { useStaffFacts } from "./use-staff-facts";

/** Behind the staff PIN: what this tablet holds and has sent, the event's tally, and its controls. */
export function StaffPanel({
  kiosk,
  def,
  onClose,
  onEnded,
}: {
  kiosk: KioskState;
  def: SurveyDefinition;
  onClose(): void;
  onEnded(): void;
}) {
  const { locale } = useLocale();
  const status = useStore(syncStatus);
  const stored = useStore(persistence);
  const { stats, estimate } = useStaffFacts(kiosk, def, status);
  const [backup, exportBackup] = useBackupDownload();
  const headingRef = useFocusOnShow<HTMLHeadingElement>();

  return (
    <div class="page staff-panel">
      <h1 ref={headingRef} tabIndex={-1}>
        {t("staff.title")}
      </h1>
      <p class="staff-panel__event">{kiosk.eventName}</p>
      <StaffFacts
        stats={stats}
        lastSyncAt={status.lastSyncAt}
        persistent={stored === "granted"}
        estimate={estimate}
        locale={locale}
      />
      {status.phase === "unauthorized" && (
        <div class="notice notice--error" role="alert">
          <p>{t("staff.unauthorized")}</p>
        </div>
      )}
      {/* What the collector answered for each held answer, and what staff can do: the count alone said neither. */}
      {status.counts.rejected + status.counts.conflict > 0 && (
        <section aria-labelledby="held-title">
          <h2 id="held-title">{t("held.title")}</h2>
          <HeldAnswers />
        </section>
      )}
      <div class="staff-panel__actions">
        <SyncNowButton class="button button--primary" />
        <BusyButton class="button button--secondary" busy={backup.kind === "working"} onClick={exportBackup}>
          {t("backup.download")}
        </BusyButton>
        <button type="button" class="button button--secondary" onClick={onClose}>
          {t("staff.back")}
        </button>
      </div>
      <p class="hint" role="status">
        {backup.kind === "done" && t("backup.done", { n: backup.count })}
        {backup.kind === "failed" && t("backup.failed")}
      </p>
      {stats && <EventTally def={def} tally={stats.tally} locale={locale} />}
      <EndEvent waiting={stats?.waiting ?? 0} onEnded={onEnded} />
    </div>
  );
}
