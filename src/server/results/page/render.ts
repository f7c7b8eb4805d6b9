import { type ResultsIndicator, type ResultsSnapshot, resultsPaths } from "../../../contract/results";
import { formatFiscalYear } from "../../../domain/fiscal-year";
import { LANGUAGE_NAMES, type Locale, localize, localizeShort } from "../../../domain/locales";
import { breakdownChart, figureSvg } from "./charts";
import { count, esc, oneDecimal, signedPoints, whole } from "./format";
import { RESULTS_STYLE } from "./style";
import { fill, PAGE_WORDS, type PageWords } from "./words";

export interface PageOptions {
  /** The page's own absolute address, for link previews (og:url). */
  url: string;
  /** Reactions per indicator id, when the page shows them (part 4). */
  reactions?: ReadonlyMap<string, number>;
  /** The indicator a reaction was just sent for: its form says thank you instead. */
  reacted?: string;
  /** Where each indicator's reaction form posts; none: no form. */
  reactionAction?: string;
}

/** The page's address in a language: Japanese at the bare path, the others under their tag. */
export const pageIn = (s: Pick<ResultsSnapshot, "surveyId" | "wave">, locale: Locale) =>
  `${resultsPaths(s.surveyId, s.wave).page}${locale === "ja" ? "" : `/${locale}`}`;

/** A text in the reader's language, or its Japanese marked as such (lang="ja" and a note). */
function wardText(ind: ResultsIndicator, locale: Locale, w: PageWords): string {
  const own = ind.text[locale];
  if (own) return `<p class="ward">${esc(own)}</p>`;
  const ja = ind.text.ja;
  if (!ja) return "";
  const note = locale.startsWith("ja") ? "" : `<p class="note">${esc(w.onlyJapanese)}</p>`;
  return `${note}<p class="ward" lang="ja">${esc(ja)}</p>`;
}

function verdictOf(ind: ResultsIndicator, w: PageWords): string {
  if (!ind.target) return "";
  const target = fill(ind.target.op === ">=" ? w.targetAtLeast : w.targetAtMost, { value: ind.target.value });
  const v = ind.verdict
    ? `<span class="v ${ind.verdict}">${esc(ind.verdict === "met" ? w.met : w.notMet)}</span>`
    : `<span class="v">${esc(w.noVerdict)}</span>`;
  return `<p>${esc(target)} ${v}</p>`;
}

function trendTable(ind: ResultsIndicator, locale: Locale, w: PageWords): string {
  if (ind.trend.length < 2) return "";
  const rows = ind.trend
    .map(
      (p) =>
        `<tr><th scope="row">${esc(formatFiscalYear(p.wave, locale))}</th><td class="r">${p.percent === null ? "—" : `${oneDecimal(p.percent, locale)}%`}</td><td class="r">${count(p.n, locale)}</td></tr>`,
    )
    .join("");
  const last = ind.trend.at(-1);
  const change = ind.change
    ? `<p>${esc(fill(w.change, { points: signedPoints(ind.change.points, locale) }))}</p>`
    : last?.seriesBreak
      ? `<p class="note">${esc(w.seriesBreak)}</p>`
      : "";
  return `<h3>${esc(w.trend)}</h3>${change}<table><thead><tr><th scope="col">${esc(w.wave)}</th><th scope="col" class="r">${esc(w.percent)}</th><th scope="col" class="r">${esc(w.n)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function reactionPart(ind: ResultsIndicator, locale: Locale, w: PageWords, o: PageOptions): string {
  const n = o.reactions ? (o.reactions.get(ind.id) ?? 0) : undefined;
  const tally =
    n === undefined ? "" : `<p class="note">${esc(fill(w.reactions, { n: count(n, locale) }))}</p>`;
  if (!o.reactionAction) return tally;
  if (o.reacted === ind.id) return `<p role="status">${esc(w.reactionThanks)}</p>${tally}`;
  const id = `r-${ind.id}`;
  return `<form method="post" action="${esc(o.reactionAction)}"><input type="hidden" name="indicator" value="${esc(ind.id)}"><input type="hidden" name="lang" value="${esc(locale)}"><fieldset><legend>${esc(w.reactionQuestion)}</legend><label><input type="radio" name="helpful" value="yes" required>${esc(w.reactionYes)}</label><label><input type="radio" name="helpful" value="no">${esc(w.reactionNo)}</label><label for="${id}">${esc(w.reactionComment)}</label><textarea id="${id}" name="comment" rows="2" maxlength="500"></textarea><button type="submit">${esc(w.reactionSend)}</button></fieldset></form>${tally}`;
}

function indicatorSection(ind: ResultsIndicator, s: ResultsSnapshot, locale: Locale, o: PageOptions): string {
  const w = PAGE_WORDS[locale];
  const heading = `<h2 id="${esc(ind.id)}">${esc(localize(ind.label, locale))}</h2>`;
  if (ind.percent === null || !ind.ci95) return `<section>${heading}<p>—</p></section>`;
  const interval = fill(w.interval, { lo: whole(ind.ci95[0]), hi: whole(ind.ci95[1]) });
  const weighted = ind.weighted
    ? `<p>${esc(fill(w.weighted, { p: oneDecimal(ind.weighted.percent, locale), lo: whole(ind.weighted.ci95[0]), hi: whole(ind.weighted.ci95[1]) }))}</p>`
    : "";
  const breakdowns = ind.breakdowns
    .map((b) => {
      const caption = fill(w.by, { label: localize(b.label, locale) });
      return `<h3>${esc(caption)}</h3>${breakdownChart(b, locale, w, caption)}`;
    })
    .join("");
  const hiddenNote = ind.breakdowns.some((b) => b.groups.some((g) => g.suppressed))
    ? `<p class="note">${esc(fill(w.hiddenNote, { min: s.method.minCell }))}</p>`
    : "";
  return `<section>${heading}<p class="big">${oneDecimal(ind.percent, locale)}%</p><p class="sub">${esc(interval)} <span class="note">(${esc(w.intervalNote)})</span></p><p class="sub">${esc(fill(w.ofRespondents, { n: count(ind.n, locale) }))}</p>${figureSvg(ind)}${verdictOf(ind, w)}${weighted}${wardTextSection(ind, locale, w)}${trendTable(ind, locale, w)}${breakdowns}${hiddenNote}${reactionPart(ind, locale, w, o)}</section>`;
}

function wardTextSection(ind: ResultsIndicator, locale: Locale, w: PageWords): string {
  const text = wardText(ind, locale, w);
  return text && `<h3>${esc(w.wardWill)}</h3>${text}`;
}

/** One sentence for link previews: each indicator in a few words with its share. */
function description(s: ResultsSnapshot, locale: Locale): string {
  return s.indicators
    .filter((i) => i.percent !== null)
    .map((i) => `${localizeShort(i, locale)} ${oneDecimal(i.percent as number, locale)}%`)
    .join(" / ");
}

/**
 * The published results as one HTML page that needs no script: every figure is in the markup,
 * charts are inline SVG beside their tables, the stylesheet is inline (admitted by its hash).
 */
export function renderResultsPage(s: ResultsSnapshot, locale: Locale, o: PageOptions): string {
  const w = PAGE_WORDS[locale];
  const wave = formatFiscalYear(s.wave, locale);
  const title = `${localize(s.title, locale)} — ${fill(w.results, { wave })}`;
  const desc = description(s, locale);
  const paths = resultsPaths(s.surveyId, s.wave);
  const languages = s.locales
    .map(
      (l) =>
        `<li><a href="${esc(pageIn(s, l))}" lang="${l}" hreflang="${l}"${l === locale ? ' aria-current="page"' : ""}>${esc(LANGUAGE_NAMES[l])}</a></li>`,
    )
    .join("");
  const alternates = s.locales
    .map((l) => `<link rel="alternate" hreflang="${l}" href="${esc(pageIn(s, l))}">`)
    .join("");
  // The sample's own rate (its codes used and paper returned): every counted response over the
  // letters mailed would count open-link answers as the sample's too.
  const rate =
    s.responseRate !== undefined && s.responseRate !== null
      ? ` · ${esc(fill(w.responseRate, { rate: oneDecimal(s.responseRate, locale) }))}`
      : "";
  const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><meta name="description" content="${esc(desc)}"><meta property="og:type" content="website"><meta property="og:title" content="${esc(title)}"><meta property="og:description" content="${esc(desc)}"><meta property="og:url" content="${esc(o.url)}"><meta name="twitter:card" content="summary">${alternates}<style>${RESULTS_STYLE}</style>`;
  const header = `<header><nav aria-label="${esc(w.languages)}"><ul>${languages}</ul></nav><h1>${esc(title)}</h1><p class="sub">${esc(fill(w.respondents, { n: count(s.respondents, locale) }))}${rate} · ${esc(fill(w.published, { date: s.publishedAt.slice(0, 10) }))}</p></header>`;
  const main = `<main>${s.indicators.map((i) => indicatorSection(i, s, locale, o)).join("")}</main>`;
  const footer = `<footer><section><h2>${esc(w.method)}</h2><p class="note">${esc(w.methodText)}</p><h2>${esc(w.openData)}</h2><ul><li><a href="${esc(paths.csv)}">${esc(w.csv)}</a></li><li><a href="${esc(paths.json)}">${esc(w.json)}</a></li></ul><p class="note">${esc(w.licence)} <a href="${esc(s.licence.url)}" rel="license">${esc(s.licence.name)}</a></p></section></footer>`;
  return `<!doctype html><html lang="${locale}"><head>${head}</head><body>${header}${main}${footer}</body></html>`;
}
