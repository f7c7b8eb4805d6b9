import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { ResponseCounts } from "../../contract/counts";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { t } from "../../i18n";
import { fetchResponseCounts } from "../collector/dashboard-api";
import { ColumnHeads } from "../components/column-heads";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { useLocale } from "../locale-context";
import { formatTokyoDay } from "../tokyo-day-format";
import { formatCount } from "./format";
import { TableWrap } from "./table-wrap";
import { useOrganizerResource } from "./use-organizer-resource";
import { recentWaves } from "./waves";

/** "2026-04-01" as the reader's calendar writes it. */
const formatDay = (day: string, locale: string) => formatTokyoDay(day, locale, { dateStyle: "medium" });

/**
 * How many responses arrived per day, event, kiosk tablet and survey version: the organizer sees
 * whether an event or a tablet is sending, and which version people answered.
 */
export function ResponseCountsSection(props: { surveyId: string; onUnauthorized(): void }) {
  const { locale } = useLocale();
  const [wave, setWave] = useState<number | undefined>(undefined);
  const [load, retry] = useOrganizerResource(
    () => fetchResponseCounts(props.surveyId, wave),
    `${props.surveyId}:${wave ?? "all"}`,
    props.onUnauthorized,
  );

  return (
    <section class="dashboard-section" aria-labelledby="response-counts-title" data-testid="response-counts">
      <h2 id="response-counts-title">{t("responseCounts.title")}</h2>
      <label class="control">
        <span class="field-label">{t("dashboard.wave")}</span>
        <select
          data-testid="response-counts-wave"
          value={wave === undefined ? "" : String(wave)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setWave(value === "" ? undefined : Number(value));
          }}
        >
          <option value="">{t("dashboard.allWaves")}</option>
          {recentWaves().map((fy) => (
            <option key={fy} value={String(fy)}>
              {formatFiscalYear(fy, locale)}
            </option>
          ))}
        </select>
      </label>
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && <LoadError onRetry={retry} />}
      {load.status === "ready" && <CountTables counts={load.value} locale={locale} />}
    </section>
  );
}

function CountTables({ counts, locale }: { counts: ResponseCounts; locale: string }) {
  if (counts.byVersion.length === 0) return <p>{t("responseCounts.none")}</p>;
  return (
    <div class="response-counts">
      <CountTable
        id="day"
        caption={t("responseCounts.byDay")}
        keyHeader={t("responseCounts.day")}
        rows={counts.byDay.map((r) => ({ key: r.day, label: formatDay(r.day, locale), n: r.n }))}
        locale={locale}
      />
      <CountTable
        id="event"
        caption={t("responseCounts.byEvent")}
        keyHeader={t("responseCounts.event")}
        rows={counts.byEvent.map((r) => ({
          key: r.eventId ?? "",
          label: r.eventId === null ? t("responseCounts.noEvent") : (r.name ?? r.eventId),
          n: r.n,
        }))}
        locale={locale}
      />
      <CountTable
        id="device"
        caption={t("responseCounts.byDevice")}
        keyHeader={t("responseCounts.device")}
        rows={counts.byDevice.map((r) => ({
          key: r.deviceId ?? "",
          label: r.deviceId === null ? t("responseCounts.noDevice") : (r.label ?? r.deviceId),
          n: r.n,
        }))}
        locale={locale}
      />
      <CountTable
        id="version"
        caption={t("responseCounts.byVersion")}
        keyHeader={t("responseCounts.version")}
        rows={counts.byVersion.map((r) => ({
          key: String(r.version),
          label: t("responseCounts.versionN", { version: formatCount(r.version, locale) }),
          n: r.n,
        }))}
        locale={locale}
      />
    </div>
  );
}

interface Row {
  /** Stable and unique within the table: the day, id or version ("" for none). */
  key: string;
  label: ComponentChildren;
  /** null: hidden, as the breakdowns hide a small group. */
  n: number | null;
}

function CountTable(props: { id: string; caption: string; keyHeader: string; rows: Row[]; locale: string }) {
  return (
    <TableWrap label={props.caption}>
      <table class="group-table" data-testid={`counts-${props.id}`}>
        <caption>{props.caption}</caption>
        <ColumnHeads columns={[props.keyHeader, { numeric: t("responseCounts.count") }]} />
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              <td class="num">
                {row.n === null ? t("dashboard.suppressed") : formatCount(row.n, props.locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
