import type { IndicatorTally } from "../../contract/tallies";
import { t } from "../../i18n";
import { ColumnHeads } from "../components/column-heads";
import { formatCount, formatInterval, formatPercent } from "./format";
import { TableWrap } from "./table-wrap";

type Group = NonNullable<IndicatorTally["groups"]>[number];

interface Props {
  groups: Group[];
  groupLabel(key: string): string;
  byLabel: string;
  minCell: number;
  locale: string;
}

/** A breakdown: one row a group; a suppressed group shows "—", never a number that could identify people. */
export function GroupTable({ groups, groupLabel, byLabel, minCell, locale }: Props) {
  const anySuppressed = groups.some((g) => g.suppressed);
  return (
    <TableWrap label={byLabel}>
      <table class="group-table">
        <caption class="visually-hidden">{byLabel}</caption>
        <ColumnHeads
          columns={[
            t("dashboard.group"),
            { numeric: t("dashboard.percent") },
            { numeric: t("dashboard.n") },
            { numeric: t("dashboard.ci") },
          ]}
        />
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{groupLabel(g.key)}</th>
              {g.suppressed ? (
                <>
                  <td class="num">
                    —<span class="visually-hidden"> {t("dashboard.suppressed")}</span>
                  </td>
                  <td class="num">—</td>
                  <td class="num">—</td>
                </>
              ) : (
                <>
                  <td class="num">{g.percent === null ? "—" : formatPercent(g.percent, locale)}</td>
                  <td class="num">{formatCount(g.n, locale)}</td>
                  <td class="num">{formatInterval(g.ci95, locale)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {anySuppressed && <p class="hint">{t("dashboard.suppressedNote", { minCell })}</p>}
    </TableWrap>
  );
}
