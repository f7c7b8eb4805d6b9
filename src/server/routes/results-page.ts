import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { LOCALES, type Locale } from "../../domain/locales";
import { reactionsSurveyId } from "../../domain/reactions";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { renderResultsPage } from "../results/page/render";
import { RESULTS_STYLE } from "../results/page/style";
import { reactionCounts } from "../results/reaction-counts";
import type { ResultsStorage } from "../storage/results-storage";
import type { TallyStorage } from "../storage/tally-storage";
import { liveSnapshot, parseWaveParam, surveyIdParam } from "./results";

const NOT_PUBLISHED = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>結果は公開されていません / Results not published</title><style>${RESULTS_STYLE}</style></head><body><main><h1>この結果は公開されていません。</h1><p lang="en">These results are not published.</p></main></body></html>`;

/** The page's language: the path's, else ?lang=, else Japanese; one the survey lacks reads Japanese. */
function localeOf(c: Context, offered: readonly Locale[]): Locale {
  const asked = c.req.param("lang") ?? c.req.query("lang");
  if (asked === undefined || asked === "") return "ja";
  const known = LOCALES.find((l) => l === asked);
  if (!known) throw new HttpProblem("not_found", `there is no page in "${asked}"`);
  return offered.includes(known) ? known : "ja";
}

/**
 * GET /results/:id/:wave[/:lang] (issue 23): the live snapshot as a server-rendered page, for
 * anyone, readable with JavaScript off. Gzip-compressed for a phone on weak data; it holds no
 * secret, so compressing it beside reflected input is no BREACH risk.
 */
export function resultsPageRoutes(
  deps: DepsWith<
    Pick<ResultsStorage, "livePublication"> & Pick<TallyStorage, "countOptionsByGroups">,
    "surveys"
  >,
): Hono {
  const page = async (c: Context) => {
    const surveyId = surveyIdParam(c);
    const wave = parseWaveParam(c.req.param("wave"));
    let snapshot: Awaited<ReturnType<typeof liveSnapshot>>;
    try {
      snapshot = await liveSnapshot(deps.storage, surveyId, wave);
    } catch (error) {
      if (error instanceof HttpProblem && error.code === "results_not_found")
        return c.html(NOT_PUBLISHED, 404);
      throw error;
    }
    const locale = localeOf(c, snapshot.locales);
    c.header("Cache-Control", "public, max-age=60");
    const reactions = await reactionCounts(deps.storage, surveyId, wave);
    const reacted = c.req.query("reacted");
    const canReact = deps.surveys.latestOf(reactionsSurveyId(surveyId)) !== undefined;
    return c.html(
      renderResultsPage(snapshot, locale, {
        url: c.req.url,
        reactions,
        ...(reacted && snapshot.indicators.some((i) => i.id === reacted) && { reacted }),
        ...(canReact && { reactionAction: `/api/v1/public/surveys/${surveyId}/results/${wave}/reactions` }),
      }),
    );
  };
  return new Hono()
    .use("/results/*", compress())
    .get("/results/:id/:wave", page)
    .get("/results/:id/:wave/:lang", page);
}
