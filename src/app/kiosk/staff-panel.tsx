import { useEffect, useState } from "preact/hooks";
import type { SurveyDefinition } from "../../domain/definition";
import { t } from "../../i18n";
import { BusyButton } from "../components/busy-button";
import { SyncNowButton } from "../components/sync-now-button";
import { formatCount } from "../dashboard/format";
import { downloadBackup } from "../device/backup";
import { storageEstimate } from "../device/browser-storage";
import { endEvent, type KioskState } from "../device/kiosk";
import { type KioskStats, kioskStats } from "../device/kiosk-stats";
import { persistence } from "../device/persistence";
import { syncStatus } from "../device/sync";
import { HeldAnswers } from "../held/held-answers";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useStore } from "../hooks/use-store";
import { useLocale } from "../locale-context";
import { EventTally } from "./event-tally";

function formatBytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
    bytes / 1_000_000,
  );
}

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
  const [stats, setStats] = useState<KioskStats | undefined>();
  const [estimate, setEstimate] = useState<{ usage?: number; quota?: number }>({});
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const [backup, setBackup] = useState<
    { kind: "idle" | "working" | "failed" } | { kind: "done"; count: number }
  >({
    kind: "idle",
  });
  const exportBackup = async () => {
    setBackup({ kind: "working" });
    try {
      setBackup({ kind: "done", count: (await downloadBackup()).count });
    } catch {
      setBackup({ kind: "failed" });
    }
  };
  const headingRef = useFocusOnShow<HTMLHeadingElement>();
  useEffect(() => {
    let current = true;
    kioskStats(kiosk, def).then(
      (s) => current && setStats(s),
      () => {},
    );
    storageEstimate().then((e) => current && setEstimate(e));
    return () => {
      current = false;
    };
  }, [kiosk, def, status]);

  const lastSync =
    status.lastSyncAt === undefined
      ? t("staff.never")
      : new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(
          status.lastSyncAt,
        );
  const count = (n: number | undefined) => (n === undefined ? "…" : formatCount(n, locale));

  return (
    <div class="page staff-panel">
      <h1 ref={headingRef} tabIndex={-1}>
        {t("staff.title")}
      </h1>
      <p class="staff-panel__event">{kiosk.eventName}</p>
      <dl class="staff-panel__facts">
        <div>
          <dt>{t("staff.today")}</dt>
          <dd data-fact="today">{count(stats?.today)}</dd>
        </div>
        <div>
          <dt>{t("staff.waiting")}</dt>
          <dd data-fact="waiting">{count(stats?.waiting)}</dd>
        </div>
        <div>
          <dt>{t("staff.sent")}</dt>
          <dd data-fact="sent">{count(stats?.sent)}</dd>
        </div>
        <div>
          <dt>{t("staff.held")}</dt>
          <dd data-fact="held">{count(stats?.held)}</dd>
        </div>
        <div>
          <dt>{t("staff.lastSync")}</dt>
          <dd>{lastSync}</dd>
        </div>
        <div>
          <dt>{t("staff.storage")}</dt>
          <dd>
            {stored === "granted" ? t("staff.persistent") : t("staff.notPersistent")}
            {estimate.usage !== undefined &&
              estimate.quota !== undefined &&
              ` (${t("staff.used", {
                used: formatBytes(estimate.usage, locale),
                quota: formatBytes(estimate.quota, locale),
              })})`}
          </dd>
        </div>
      </dl>
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
      <section class="staff-panel__end" aria-labelledby="end-event-title">
        <h2 id="end-event-title">{t("staff.endTitle")}</h2>
        <p>{t("staff.endNote")}</p>
        {confirmingEnd ? (
          <div class="notice" role="alert">
            <p>{t("staff.endConfirm", { n: stats?.waiting ?? 0 })}</p>
            <div class="nav-buttons">
              <button type="button" class="button button--secondary" onClick={() => setConfirmingEnd(false)}>
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
          <button type="button" class="button button--secondary" onClick={() => setConfirmingEnd(true)}>
            {t("staff.end")}
          </button>
        )}
      </section>
    </div>
  );
}
