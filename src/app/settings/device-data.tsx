import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import type { ReceiptsReport } from "../../sync/receipts";
import { checkWithCollector } from "../collector/receipts";
import { BusyButton } from "../components/busy-button";
import { type DeviceSummary, deviceSummary, resendUnconfirmed } from "../device/device-summary";
import { askToPersist, refreshStorageHealth, storageHealth, storageWarnings } from "../device/storage-health";
import { syncStatus } from "../device/sync";
import { HeldAnswers } from "../held/held-answers";
import { useBackupDownload } from "../hooks/use-backup-download";
import { useStore } from "../hooks/use-store";
import { useLocale } from "../locale-context";

type Check = { kind: "idle" | "checking" | "failed" } | { kind: "checked"; report: ReceiptsReport };

/**
 * The staff view of what this device holds (lazy-loaded under /settings): storage protection and
 * use, what was sent and what the collector confirms, and the backup file.
 */
export function DeviceData() {
  const { locale } = useLocale();
  const health = useStore(storageHealth);
  const status = useStore(syncStatus);
  const [summary, setSummary] = useState<DeviceSummary>();
  const [check, setCheck] = useState<Check>({ kind: "idle" });
  const [resent, setResent] = useState<number>();
  const [backup, exportBackup] = useBackupDownload();

  useEffect(() => void refreshStorageHealth(), []);
  useEffect(() => {
    deviceSummary().then(setSummary, () => setSummary(undefined));
  }, [status, check, resent]);

  const warnings = storageWarnings(health, Date.now());
  const number = new Intl.NumberFormat(locale);
  const megabytes = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const percentText = warnings.ratio !== undefined ? percent.format(warnings.ratio) : "";

  const ask = async () => {
    setCheck({ kind: "checking" });
    try {
      setCheck({ kind: "checked", report: await checkWithCollector() });
    } catch {
      setCheck({ kind: "failed" });
    }
  };
  const resend = async () => setResent(await resendUnconfirmed().catch(() => 0));

  return (
    <div class="device-data">
      <h2>{t("storage.title")}</h2>
      <p>
        {health.persisted === "granted"
          ? t("storage.persisted")
          : health.persisted === "not_granted"
            ? t("storage.notPersisted")
            : t("storage.unknown")}
      </p>
      {health.persisted !== "granted" && (
        <button type="button" class="button button--secondary" onClick={() => void askToPersist()}>
          {t("storage.ask")}
        </button>
      )}
      <p class="device-data__figures">
        {health.usage !== undefined && health.quota !== undefined
          ? t("storage.usage", {
              used: megabytes.format(health.usage / 1e6),
              quota: megabytes.format(health.quota / 1e6),
              percent: percentText,
            })
          : t("storage.usageUnknown")}
      </p>
      {(warnings.oldUnsent || warnings.nearlyFull) && (
        <div class="notice notice--warning" role="status">
          {warnings.oldUnsent && <p>{t("storage.oldUnsent")}</p>}
          {warnings.nearlyFull && <p>{t("storage.nearlyFull", { percent: percentText })}</p>}
        </div>
      )}

      {status.counts.rejected + status.counts.conflict > 0 && (
        <>
          <h2>{t("held.title")}</h2>
          <HeldAnswers />
        </>
      )}

      <h2>{t("receipts.title")}</h2>
      {summary && (
        <>
          <p class="device-data__figures" id="device-summary">
            {t("receipts.summary", {
              total: number.format(summary.total),
              sent: number.format(summary.sent),
              confirmed: number.format(summary.confirmed),
            })}
          </p>
          <p class="hint">{t("storage.retention", { days: number.format(summary.retentionDays) })}</p>
        </>
      )}
      <div class="nav-buttons">
        <BusyButton class="button button--secondary" busy={check.kind === "checking"} onClick={ask}>
          {check.kind === "checking" ? t("receipts.checking") : t("receipts.check")}
        </BusyButton>
        {summary && summary.unconfirmed > 0 && (
          <button type="button" class="button button--secondary" onClick={() => void resend()}>
            {t("receipts.resend", { n: number.format(summary.unconfirmed) })}
          </button>
        )}
      </div>
      <p role="status" class={check.kind === "failed" ? "field-error" : "hint"}>
        {check.kind === "checked" &&
          t("receipts.checked", {
            confirmed: number.format(check.report.confirmed),
            missing: number.format(check.report.missing.length),
          })}
        {check.kind === "failed" && t("receipts.failed")}
        {resent !== undefined &&
          check.kind !== "failed" &&
          ` ${t("receipts.resent", { n: number.format(resent) })}`}
      </p>

      <h2>{t("backup.title")}</h2>
      <p class="hint">{t("backup.help")}</p>
      <BusyButton class="button button--primary" busy={backup.kind === "working"} onClick={exportBackup}>
        {t("backup.download")}
      </BusyButton>
      <p role="status" class={backup.kind === "failed" ? "field-error" : "hint"}>
        {backup.kind === "done" && t("backup.done", { n: number.format(backup.count) })}
        {backup.kind === "failed" && t("backup.failed")}
      </p>
    </div>
  );
}
