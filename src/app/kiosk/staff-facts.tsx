import { t } from "../../i18n";
import { formatCount } from "../dashboard/format";
import type { KioskStats } from "../device/kiosk-stats";

function formatBytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
    bytes / 1_000_000,
  );
}

const COUNTS = ["today", "waiting", "sent", "held"] as const;

/** The tablet's counts, its last sync and its storage, as staff read them at a glance. */
export function StaffFacts(props: {
  stats: KioskStats | undefined;
  lastSyncAt: number | undefined;
  persistent: boolean;
  estimate: { usage?: number; quota?: number };
  locale: string;
}) {
  const { stats, estimate, locale } = props;
  const lastSync =
    props.lastSyncAt === undefined
      ? t("staff.never")
      : new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(props.lastSyncAt);
  return (
    <dl class="staff-panel__facts">
      {COUNTS.map((fact) => (
        <div key={fact}>
          <dt>{t(`staff.${fact}`)}</dt>
          <dd data-fact={fact}>{stats ? formatCount(stats[fact], locale) : "…"}</dd>
        </div>
      ))}
      <div>
        <dt>{t("staff.lastSync")}</dt>
        <dd>{lastSync}</dd>
      </div>
      <div>
        <dt>{t("staff.storage")}</dt>
        <dd>
          {props.persistent ? t("staff.persistent") : t("staff.notPersistent")}
          {estimate.usage !== undefined &&
            estimate.quota !== undefined &&
            ` (${t("staff.used", {
              used: formatBytes(estimate.usage, locale),
              quota: formatBytes(estimate.quota, locale),
            })})`}
        </dd>
      </div>
    </dl>
  );
}
