import type { ResultsSnapshot } from "../../contract/results";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { localize } from "../../domain/locales";
import { csvRow } from "../csv/cell";

/**
 * Column names in Japanese, in the manner of the Digital Agency's recommended datasets for local
 * governments (推奨データセット: Japanese headings, one fact per column, 年度 as a number beside its
 * label, units in the heading). The ward's 全国地方公共団体コード is not known to the collector, so
 * that leading column is left out rather than guessed.
 */
export const RESULTS_CSV_COLUMNS = [
  "調査ID",
  "調査名",
  "年度",
  "年度表記",
  "指標ID",
  "指標名",
  "区分項目",
  "区分",
  "区分名",
  "回答者数",
  "割合(%)",
  "95%信頼区間下限(%)",
  "95%信頼区間上限(%)",
  "目標",
  "達成状況",
  "加重後割合(%)",
  "秘匿",
  "公開番号",
  "公開日",
  "ライセンス",
] as const;

/** One decimal, as the page shows it: Excel and the page read the same numbers. */
export const oneDecimal = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : Math.round(x * 10) / 10;

const VERDICT_JA = { met: "達成", not_met: "未達成" } as const;

/**
 * The snapshot as CSV for Excel: UTF-8 with a BOM, CRLF. A row per indicator and wave of its trend
 * (区分項目 全体), then a row per group of each breakdown; a hidden group's row says 秘匿 1 and
 * carries no count and no percent.
 */
export function resultsCsv(s: ResultsSnapshot): string {
  const title = localize(s.title, "ja");
  const day = s.publishedAt.slice(0, 10);
  const common = (wave: number) => [s.surveyId, title, wave, formatFiscalYear(wave, "ja")];
  const tail = [s.publication, day, s.licence.name];
  let out = `\ufeff${csvRow(RESULTS_CSV_COLUMNS)}`;
  for (const ind of s.indicators) {
    const label = localize(ind.label, "ja");
    const target = ind.target ? `${ind.target.op === ">=" ? "≥" : "≤"}${ind.target.value}%` : null;
    for (const p of ind.trend) {
      const current = p.wave === s.wave;
      out += csvRow([
        ...common(p.wave),
        ind.id,
        label,
        "全体",
        null,
        null,
        p.n,
        oneDecimal(p.percent),
        oneDecimal(p.ci95?.[0]),
        oneDecimal(p.ci95?.[1]),
        current ? target : null,
        current && ind.verdict ? VERDICT_JA[ind.verdict] : null,
        current ? oneDecimal(ind.weighted?.percent) : null,
        0,
        ...tail,
      ]);
    }
    for (const b of ind.breakdowns)
      for (const g of b.groups)
        out += csvRow([
          ...common(s.wave),
          ind.id,
          label,
          localize(b.label, "ja"),
          g.key,
          localize(g.label, "ja"),
          g.suppressed ? null : g.n,
          g.suppressed ? null : oneDecimal(g.percent),
          g.suppressed ? null : oneDecimal(g.ci95?.[0]),
          g.suppressed ? null : oneDecimal(g.ci95?.[1]),
          null,
          null,
          null,
          g.suppressed ? 1 : 0,
          ...tail,
        ]);
  }
  return out;
}
