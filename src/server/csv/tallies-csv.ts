import type { Tallies } from "../../contract/tallies";
import type { SurveyDefinition } from "../../domain/definition";
import { localize } from "../../domain/locales";
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
] as const;

type Cell = string | number | null | undefined;

/** The columns indicator, label, wave, by, group, suppressed: which row of which table this is. */
const rowKey = (
  id: string,
  label: string,
  tallies: Tallies,
  group: string | null,
  suppressed: boolean,
): Cell[] => [id, label, tallies.wave, tallies.by, group, suppressed ? "suppressed" : null];

/** The columns n, positive, percent, ci95_low, ci95_high of a total or of a group. */
const estimateCells = (e: {
  n: number | null;
  positive: number | null;
  percent: number | null;
  ci95: readonly [number, number] | null;
}): Cell[] => [e.n, e.positive, round1(e.percent), round1(e.ci95?.[0]), round1(e.ci95?.[1])];

const targetText = (t: { op: ">=" | "<="; value: number } | null) => (t ? `${t.op}${t.value}` : null);

/**
 * tallies.csv: each indicator's total (with its weighted estimate, or "suppressed" where the JSON
 * withholds it), then one row a group of the breakdown (a suppressed group with no numbers), UTF-8 with a BOM and CRLF through the same cell writer as responses.csv.
 */
export function talliesCsv(def: SurveyDefinition, tallies: Tallies, locale = "ja"): string {
  const lines = [csvRow([...TALLY_COLUMNS])];
  for (const t of tallies.indicators) {
    const indicator = def.indicators.find((i) => i.id === t.id);
    const label = indicator ? localize(indicator.label, locale) : t.id;
    const w = t.weighted;
    lines.push(
      csvRow([
        ...rowKey(t.id, label, tallies, null, false),
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
      ]),
    );
    for (const g of t.groups ?? [])
      lines.push(
        csvRow([
          ...rowKey(t.id, label, tallies, g.key, g.suppressed),
          ...estimateCells(g),
          // RFC 4180: every record has the header's number of fields.
          ...Array.from({ length: TALLY_COLUMNS.length - 11 }, () => null),
        ]),
      );
  }
  return BOM + lines.join("");
}

const STATUS = { met: "達成", not_met: "未達成" } as const;

/**
 * The operating-policy table (区運営方針: 指標 / 目標 / 実績 / 達成状況) in the ward's own words,
 * ready to paste into the report: 「70%以上」, 「72.4%」, 達成 / 未達成.
 */
export function policyCsv(def: SurveyDefinition, tallies: Tallies): string {
  const lines = [csvRow(["指標", "目標", "実績", "達成状況"])];
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
      ]),
    );
  }
  return BOM + lines.join("");
}
