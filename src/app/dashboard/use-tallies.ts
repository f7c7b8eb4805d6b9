import { useState } from "preact/hooks";
import type { Tallies } from "../../contract/tallies";
import type { Trend } from "../../contract/trend";
import { fiscalYear } from "../../domain/fiscal-year";
import { fetchPopulationSets, fetchTallies, fetchTrend } from "../collector/dashboard-api";
import { latest, type Resource, useResource } from "../hooks/use-resource";
import { collectorProblem } from "./collector-problem";
import { useOrganizerResource } from "./use-organizer-resource";
import { openingWave } from "./waves";

/** The waves to offer: those with answers, newest first, and this fiscal year even before any. */
function wavesOf(trend: Trend | undefined): number[] {
  return [...new Set([fiscalYear(new Date()), ...(trend?.waves ?? [])])].sort((a, b) => b - a);
}

export type TalliesLoad =
  | { status: "loading" }
  | { status: "ready"; tallies: Tallies }
  | { status: "failed"; message: string };

function loadOf(tallies: Resource<Tallies>): TalliesLoad {
  if (tallies.status === "ready") return { status: "ready", tallies: tallies.value };
  if (tallies.status === "loading") return { status: "loading" };
  // In the reader's language from the collector's code: its English was shown here before.
  const problem = collectorProblem(tallies.error);
  return { status: "failed", message: [problem.summary, ...problem.details].join(" ") };
}

/**
 * A survey's tallies for the wave and breakdown picked, its trend and its population totals. The
 * trend and the totals are fetched again when the totals change (reload), and stay on screen
 * meanwhile; the tallies again at each pick.
 */
export function useTallies(surveyId: string, onUnauthorized: () => void) {
  // undefined: the newest wave with answers (known once the trend is in); "all": every wave.
  const [wave, setWave] = useState<number | "all" | undefined>(undefined);
  const [by, setBy] = useState<string>("");
  const [reload, setReload] = useState(0);
  const [trendLoad] = useOrganizerResource(
    () => fetchTrend(surveyId),
    `${surveyId}:${reload}`,
    onUnauthorized,
    {
      keep: true,
    },
  );
  const [populationLoad] = useResource(() => fetchPopulationSets(surveyId), `${surveyId}:${reload}`, {
    keep: true,
  });
  const trend = latest(trendLoad);
  const shownWave = wave === "all" ? undefined : (wave ?? openingWave(trend));
  const [tallies] = useOrganizerResource(
    () => fetchTallies(surveyId, { wave: shownWave, by: by || undefined }),
    JSON.stringify([surveyId, shownWave ?? "all", by, reload]),
    onUnauthorized,
  );
  return {
    load: loadOf(tallies),
    trend,
    /** Every set of population totals stored: the weighted note names the one a table used. */
    populationSets: latest(populationLoad)?.sets,
    waves: wavesOf(trend),
    shownWave,
    setWave,
    by,
    setBy,
    /** The population totals changed: weighted figures and the trend are counted again. */
    refresh: () => setReload((n) => n + 1),
  };
}
