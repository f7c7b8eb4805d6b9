import type { IndicatorTally, Tallies, Weighting } from "../../contract/tallies";
import { breakdown } from "../../domain/breakdown";
import type { SurveyDefinition } from "../../domain/definition";
import { estimate, type OptionCounts, verdict } from "../../domain/tally";
import { type BlankTreatment, postStratify } from "../../domain/weighting";
import type { PopulationStorage, StoredPopulation } from "../storage/population-storage";
import type { GroupDimension, TallyStorage } from "../storage/tally-storage";
import { acrossWaves, foldByWaveAndGroup, type OptionCountsByWaveAndGroup } from "./fold";

export interface TallyOptions {
  wave: number | null;
  /** The `by` as asked (a question id, "mode" or "event") and what it groups by. */
  by: { by: string; dimension: GroupDimension } | null;
  /** What the weighted estimate does with a blank weighting answer; `exclude` when absent. */
  blanks?: BlankTreatment;
}

/** A weighted estimate that would give a hidden group back: present, so the reader is told why, but empty. */
const WITHHELD = {
  suppressed: true,
  n: null,
  nEffective: null,
  percent: null,
  ci95: null,
  verdict: null,
  cellsWithoutRespondents: [],
  leftOut: null,
} as const;

type PopulationReader = Pick<PopulationStorage, "populationOf" | "populationSets">;

/**
 * The register totals that weight a table: one wave's own (or the survey-wide ones standing for
 * it). Every wave pooled is weighted only while no wave has totals of its own: waves whose
 * registers differ have no one population to post-stratify to, and mixing them would be a figure
 * no register stands behind.
 */
export async function populationFor(
  storage: PopulationReader,
  surveyId: string,
  wave: number | null,
): Promise<{ population: StoredPopulation | undefined; weighting: Weighting }> {
  if (wave === null && (await storage.populationSets(surveyId)).some((s) => s.wave !== null))
    return { population: undefined, weighting: { totals: "not_pooled", wave: null, uploadedAt: null } };
  const population = await storage.populationOf(surveyId, wave);
  if (!population) return { population, weighting: { totals: "none", wave: null, uploadedAt: null } };
  return {
    population,
    weighting: {
      totals: population.wave === null ? "survey_wide" : "wave",
      wave: population.wave,
      uploadedAt: population.uploadedAt,
    },
  };
}

/**
 * The survey's indicators (as its latest version defines them) over every stored version, matched
 * by question and option id: counts come from SQL, the percentages from the shared tally math.
 */
export async function computeTallies(
  storage: TallyStorage & PopulationReader,
  def: SurveyDefinition,
  options: TallyOptions,
): Promise<Tallies> {
  const query = {
    surveyId: def.id,
    wave: options.wave,
    questionIds: def.indicators.map((i) => i.questionId),
  };
  // One pass for the totals and the breakdown (the route against one hand-written GROUP BY at 1M
  // responses: bench/RESULTS.md); the population (the wave's own register) is read beside it.
  const [read, { population, weighting }] = await Promise.all([
    options.by
      ? storage.countOptionsWithBreakdown({ ...query, by: options.by.dimension })
      : storage.countOptions(query).then((totals) => ({ totals, rows: undefined })),
    populationFor(storage, def.id, options.wave),
  ]);
  const counts = read.totals;
  const grouped: OptionCountsByWaveAndGroup | undefined = read.rows
    ? foldByWaveAndGroup(read.rows)
    : undefined;

  let cells: Map<string, Map<string, OptionCounts>> | undefined;
  // Per weighting question, the breakdown by=that question would publish (question id → wave →
  // group → option → responses), read whatever this query's `by` is: another query can ask it.
  const byDimension: OptionCountsByWaveAndGroup[] = [];
  if (population) {
    const [rows, ...single] = await Promise.all([
      storage.countOptionsByGroups({
        ...query,
        by: population.dimensions.map((questionId) => ({ kind: "question", questionId }) as const),
      }),
      ...population.dimensions.map((questionId) =>
        storage.countOptionsByGroups({ ...query, by: [{ kind: "question", questionId }] }),
      ),
    ]);
    cells = acrossWaves(foldByWaveAndGroup(rows));
    for (const r of single) byDimension.push(foldByWaveAndGroup(r));
  }

  const weightedOf = (indicator: (typeof def.indicators)[number]): IndicatorTally["weighted"] => {
    if (!population) return undefined;
    const blanks = options.blanks ?? "exclude";
    // With a group of a weighting question hidden, the weighted percent and n_eff are two more
    // equations in the hidden groups' counts (the shown groups and the population are known):
    // with total − shown they solve two hidden groups exactly, and a population that puts nearly
    // all its weight on one small cell publishes that cell outright. So the figure is withheld.
    const revealsHidden = byDimension.some((dimension) =>
      breakdown(indicator, dimension.get(indicator.questionId) ?? new Map(), def.minCell).some(
        (g) => g.suppressed,
      ),
    );
    if (revealsHidden) return { ...WITHHELD, cellsWithoutRespondents: [], blanks };
    const w = postStratify(indicator, cells?.get(indicator.questionId) ?? new Map(), population.cells, {
      total: counts.get(indicator.questionId) ?? {},
      blanks,
    });
    return { ...w, suppressed: false, verdict: verdict(w.percent, indicator.target, w.n, def.minCell) };
  };

  const indicators = def.indicators.map((indicator): IndicatorTally => {
    const total = estimate(indicator, counts.get(indicator.questionId) ?? {});
    const weighted = weightedOf(indicator);
    return {
      id: indicator.id,
      ...total,
      target: indicator.target ?? null,
      verdict: verdict(total.percent, indicator.target, total.n, def.minCell),
      ...(grouped && {
        groups: breakdown(indicator, grouped.get(indicator.questionId) ?? new Map(), def.minCell),
      }),
      ...(weighted && { weighted }),
    };
  });
  return { surveyId: def.id, wave: options.wave, by: options.by?.by ?? null, weighting, indicators };
}
