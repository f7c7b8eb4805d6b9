import type { ResultsBreakdown, ResultsIndicator } from "../../../contract/results";
import { type Locale, localize } from "../../../domain/locales";
import { esc, oneDecimal } from "./format";
import type { PageWords } from "./words";

const WIDTH = 320;
const LABEL = 96;
const BAR = WIDTH - LABEL - 48;
const ROW = 22;
const x = (percent: number) => LABEL + (BAR * percent) / 100;

/**
 * The indicator's share as a bar on 0–100%, its interval as a whisker and the target as a mark.
 * Decorative: the same figures are written out beside it, so it is hidden from screen readers.
 */
export function figureSvg(ind: ResultsIndicator): string {
  if (ind.percent === null) return "";
  const bar = `<rect class="bar" x="0" y="6" width="${((WIDTH * ind.percent) / 100).toFixed(1)}" height="16"/>`;
  const ci = ind.ci95
    ? `<line class="ci" x1="${((WIDTH * ind.ci95[0]) / 100).toFixed(1)}" x2="${((WIDTH * ind.ci95[1]) / 100).toFixed(1)}" y1="14" y2="14"/>`
    : "";
  const target = ind.target
    ? `<line class="tg" x1="${((WIDTH * ind.target.value) / 100).toFixed(1)}" x2="${((WIDTH * ind.target.value) / 100).toFixed(1)}" y1="0" y2="28"/>`
    : "";
  return `<svg viewBox="0 0 ${WIDTH} 28" aria-hidden="true" focusable="false"><rect class="bg" x="0" y="6" width="${WIDTH}" height="16"/>${bar}${ci}${target}</svg>`;
}

/**
 * A breakdown as horizontal bars with the table beside it: the chart is an image whose name says
 * every bar, the table the same figures with their counts. A hidden group is a labelled gap.
 */
export function breakdownChart(
  b: ResultsBreakdown,
  locale: Locale,
  words: PageWords,
  caption: string,
): string {
  const rows = b.groups.map((g, i) => {
    const y = i * ROW;
    const label = `<text x="0" y="${y + 15}">${esc(localize(g.label, locale).slice(0, 14))}</text>`;
    if (g.suppressed || g.percent === null)
      return `${label}<text x="${LABEL}" y="${y + 15}">${esc(words.hidden)}</text>`;
    return `${label}<rect class="bar" x="${LABEL}" y="${y + 4}" width="${((BAR * g.percent) / 100).toFixed(1)}" height="14"/><text x="${(x(g.percent) + 4).toFixed(1)}" y="${y + 15}">${oneDecimal(g.percent, locale)}%</text>`;
  });
  const name = b.groups
    .map(
      (g) =>
        `${localize(g.label, locale)} ${g.suppressed || g.percent === null ? words.hidden : `${oneDecimal(g.percent, locale)}%`}`,
    )
    .join(", ");
  const svg = `<svg viewBox="0 0 ${WIDTH} ${b.groups.length * ROW}" role="img" aria-label="${esc(`${caption}: ${name}`)}">${rows.join("")}</svg>`;
  const body = b.groups
    .map((g) =>
      g.suppressed
        ? `<tr data-suppressed="${esc(g.key)}"><th scope="row">${esc(localize(g.label, locale))}</th><td class="r">${esc(words.hidden)}</td><td class="r">${esc(words.hidden)}</td></tr>`
        : `<tr><th scope="row">${esc(localize(g.label, locale))}</th><td class="r">${g.percent === null ? "—" : `${oneDecimal(g.percent, locale)}%`}</td><td class="r">${g.n ?? "—"}</td></tr>`,
    )
    .join("");
  return `${svg}<table><caption class="vh">${esc(caption)}</caption><thead><tr><th scope="col">${esc(words.group)}</th><th scope="col" class="r">${esc(words.percent)}</th><th scope="col" class="r">${esc(words.n)}</th></tr></thead><tbody>${body}</tbody></table>`;
}
