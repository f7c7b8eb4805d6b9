import type { ResponseRate } from "../../contract/invitation-batches";
import type { Tallies } from "../../contract/tallies";
import type { SurveyDefinition } from "../../domain/definition";
import { type Locale, localize, localizeShort } from "../../domain/locales";
import type { SeriesBreakAt } from "../../domain/wave-breaks";
import { csvRow } from "./cell";

const BOM = "\uFEFF";
/** One decimal, as published; a number cell, so Excel can compute with it. */
const round1 = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(x * 10) / 10;

export const TALLY_COLUMNS = [
  "indicator",
  "label",
  "wave",
  "by",
  "group",
  "suppressed",
  "n",
  "positive",
  "percent",
  "ci95_low",
  "ci95_high",
  "target",
  "verdict",
  "weighted_percent",
  "weighted_ci95_low",
  "weighted_ci95_high",
  "n_effective",
  "cells_without_respondents",
  "weighted_suppressed",
  "weighted_left_out_blank",
  "weighted_left_out_no_population",
  // Last, so that a sheet reading the columns above by position still reads them.
  "series_break_from_wave",
  "series_break",
  // Added after the breaks for the same reason: whose register weighted the row's estimate.
  "weighted_population_wave",
] as const;

/** With `?labels=`: each beside the column it puts in words. */
const LABEL_COLUMNS = { label: "short_label", by: "by_label", group: "group_label" } as const;

/** The heading row, with the label columns beside what they name when labels are asked for. */
export function tallyColumns(labels: Locale | null): string[] {
  return TALLY_COLUMNS.flatMap((c) =>
    labels !== null && c in LABEL_COLUMNS ? [c, LABEL_COLUMNS[c as keyof typeof LABEL_COLUMNS]] : [c],
  );
}

/** The columns of the total's own figures after estimateCells: target to weighted_left_out_no_population. */
const TOTAL_ONLY_COLUMNS = 10;

type Cell = string | number | null | undefined;

/** The columns indicator, label, wave, by, group, suppressed (and their labels): which row of which table. */
interface RowNames {
  id: string;
  label: string;
  /** Present with `?labels=`: the short labels and the group's option label. */
  words?: { shortLabel: string; by: string | null; group(key: string): string | null };
}

const rowKey = (names: RowNames, tallies: Tallies, group: string | null, suppressed: boolean): Cell[] => {
  const { words } = names;
  const mark = suppressed ? "suppressed" : null;
  if (!words) return [names.id, names.label, tallies.wave, tallies.by, group, mark];
  const groupLabel = group === null ? null : words.group(group);
  return [
    names.id,
    names.label,
    words.shortLabel,
    tallies.wave,
    tallies.by,
    words.by,
    group,
    groupLabel,
    mark,
  ];
};

/** The columns n, positive, percent, ci95_low, ci95_high of a total or of a group. */
const estimateCells = (e: {
  n: number | null;
  positive: number | null;
  percent: number | null;
  ci95: readonly [number, number] | null;
}): Cell[] => [e.n, e.positive, round1(e.percent), round1(e.ci95?.[0]), round1(e.ci95?.[1])];

/**
 * series_break_from_wave, series_break: the wave before the break and its reason codes
 * (";"-separated, each once); several breaks where the row pools waves across them.
 */
const breakCells = (breaks: readonly SeriesBreakAt[]): Cell[] =>
  breaks.length === 0
    ? [null, null]
    : [breaks.map((b) => b.fromWave).join(";"), [...new Set(breaks.flatMap((b) => b.reasons))].join(";")];

/**
 * weighted_population_wave: the fiscal year whose register totals weighted the estimate,
 * `survey_wide` (the totals stored before they were per wave), `not_pooled` (every wave pooled
 * while waves have registers of their own: no weighted estimate), empty without totals.
 */
const populationWaveCell = (weighting: Tallies["weighting"]): Cell => {
  switch (weighting?.totals) {
    case "wave":
      return weighting.wave;
    case "survey_wide":
    case "not_pooled":
      return weighting.totals;
    default:
      return null;
  }
};

const targetText = (t: { op: ">=" | "<="; value: number } | null) => (t ? `${t.op}${t.value}` : null);

/**
 * tallies.csv: each indicator's total (with its weighted estimate, or "suppressed" where the JSON
 * withholds it), then one row a group of the breakdown (a suppressed group with no numbers), UTF-8
 * with a BOM and CRLF through the same cell writer as responses.csv. With `labels` (a locale) the
 * label is in that language and short_label, by_label and group_label stand beside what they word.
 * Every row of an indicator carries the breaks in its series within the table's wave (`breaks`, by
 * indicator id): its groups are figures across the same break.
 */
export function talliesCsv(
  def: SurveyDefinition,
  tallies: Tallies,
  breaks: ReadonlyMap<string, readonly SeriesBreakAt[]> = new Map(),
  labels: Locale | null = null,
  rate: ResponseRate | null = null,
): string {
  const columns = tallyColumns(labels);
  const lines = [csvRow(columns)];
  const byQuestion = def.questions.find((q) => q.id === tallies.by);
  const options = byQuestion && "options" in byQuestion ? byQuestion.options : [];
  for (const t of tallies.indicators) {
    const indicator = def.indicators.find((i) => i.id === t.id);
    const names: RowNames = { id: t.id, label: indicator ? localize(indicator.label, labels ?? "ja") : t.id };
    // By mode or by event there is no question to word: the keys are the response's own fields.
    if (labels !== null)
      names.words = {
        shortLabel: indicator ? localizeShort(indicator, labels) : t.id,
        by: byQuestion ? localizeShort(byQuestion, labels) : null,
        group: (key) => {
          const option = options.find((o) => o.id === key);
          return option ? localize(option.label, labels) : null;
        },
      };
    const w = t.weighted;
    const breakCols = breakCells(breaks.get(t.id) ?? []);
    lines.push(
      csvRow([
        ...rowKey(names, tallies, null, false),
        ...estimateCells(t),
        targetText(t.target),
        t.verdict,
        round1(w?.percent),
        round1(w?.ci95?.[0]),
        round1(w?.ci95?.[1]),
        round1(w?.nEffective),
        w?.cellsWithoutRespondents.join(";"),
        // The JSON's hiding, column for column: a withheld estimate has no figures here either.
        w?.suppressed ? "suppressed" : null,
        w?.leftOut?.blankAnswer,
        w?.leftOut?.noPopulation,
        ...breakCols,
        populationWaveCell(tallies.weighting),
      ]),
    );
    for (const g of t.groups ?? [])
      lines.push(
        csvRow([
          ...rowKey(names, tallies, g.key, g.suppressed),
          ...estimateCells(g),
          // RFC 4180: every record has the header's number of fields.
          ...Array.from({ length: TOTAL_ONLY_COLUMNS }, () => null),
          ...breakCols,
          null,
        ]),
      );
  }
  if (rate && rate.mailed > 0) lines.push(...responseRateRows(rate, tallies, labels, columns.length));
  return BOM + lines.join("");
}

/** The rows' name of the mailed sample's response rate in tallies.csv, beside the indicators. */
export const RESPONSE_RATE_ROW = "response_rate";

/**
 * The mailed sample's response rate as rows of tallies.csv: n the letters mailed, positive those
 * answered (online and on paper), percent the rate; the wave's total, then one row a stratum (by
 * "stratum"). Its other columns stay empty: a rate has no interval, target or weighting.
 */
function responseRateRows(
  rate: ResponseRate,
  tallies: Tallies,
  labels: Locale | null,
  width: number,
): string[] {
  const names: RowNames = {
    id: RESPONSE_RATE_ROW,
    label: "回収率",
    ...(labels !== null && { words: { shortLabel: "回収率", by: null, group: () => null } }),
  };
  const row = (
    by: string | null,
    group: string | null,
    r: { mailed: number; online: number; paper: number; rate: number | null },
  ) => {
    const cells: Cell[] = [
      ...rowKey(names, { ...tallies, wave: rate.wave, by }, group, false),
      r.mailed,
      r.online + r.paper,
      r.rate,
    ];
    return csvRow([...cells, ...Array.from({ length: width - cells.length }, () => null)]);
  };
  const strata = rate.byStratum.length > 1 || rate.byStratum[0]?.stratum != null ? rate.byStratum : [];
  return [row(null, null, rate), ...strata.map((s) => row("stratum", s.stratum ?? "", s))];
}

/**
 * The response rate as the policy table's note (備考), in the ward's words: 「回収率 32.1%（発送
 * 1,400通、回答 450件：オンライン 420件、紙 30件）」.
 */
export function responseRateNote(rate: ResponseRate | null): string | null {
  if (!rate || rate.mailed === 0 || rate.rate === null) return null;
  const n = (x: number) => x.toLocaleString("ja-JP");
  return `回収率 ${rate.rate.toFixed(1)}%（発送 ${n(rate.mailed)}通、回答 ${n(rate.online + rate.paper)}件：オンライン ${n(rate.online)}件、紙 ${n(rate.paper)}件）`;
}

const STATUS = { met: "達成", not_met: "未達成" } as const;

/**
 * The operating-policy table (区運営方針: 指標 / 目標 / 実績 / 達成状況) in the ward's own words,
 * ready to paste into the report: 「70%以上」, 「72.4%」, 達成 / 未達成, and in 備考 the mailed sample's
 * response rate of the wave when letters were mailed for it.
 */
export function policyCsv(def: SurveyDefinition, tallies: Tallies, rate: ResponseRate | null = null): string {
  const note = responseRateNote(rate);
  const lines = [csvRow(["指標", "目標", "実績", "達成状況", "備考"])];
  for (const t of tallies.indicators) {
    const indicator = def.indicators.find((i) => i.id === t.id);
    const target = t.target ? `${t.target.value}%${t.target.op === ">=" ? "以上" : "以下"}` : "—";
    const result = t.percent === null ? "—" : `${(round1(t.percent) as number).toFixed(1)}%`;
    lines.push(
      csvRow([
        indicator ? localize(indicator.label, "ja") : t.id,
        target,
        result,
        t.verdict ? STATUS[t.verdict] : "—",
        // Every indicator of the wave rests on the same respondents: the rate is each row's note.
        note,
      ]),
    );
  }
  return BOM + lines.join("");
}
