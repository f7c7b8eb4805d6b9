import { type Context, Hono } from "hono";
import { LOCALES, type Locale } from "../../domain/locales";
import { REACTION_QUESTIONS as Q, reactionsSurveyId, waveOption } from "../../domain/reactions";
import type { Response as SurveyResponse } from "../../domain/response";
import { uuidv7 } from "../../domain/uuid";
import { sameOrigin } from "../auth/organizer-session";
import type { AppDeps, DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readTextLimited } from "../http/read-body";
import { ingestBatch } from "../responses/ingest";
import { IntakeRefused, intakeGate } from "../responses/intake";
import { pageIn } from "../results/page/render";
import type { IntakeStorage } from "../storage/intake-storage";
import type { ResponseStorage } from "../storage/response-storage";
import type { ResultsStorage } from "../storage/results-storage";
import { liveSnapshot, parseWaveParam, surveyIdParam } from "./results";

const FORM_TYPE = "application/x-www-form-urlencoded";
const MAX_FORM_BYTES = 8 * 1024;
const MAX_COMMENT = 500;

/**
 * Whether the form was sent from this site's own page. The page's Referrer-Policy (no-referrer)
 * makes a browser send `Origin: null` with a form, so its fetch metadata (Sec-Fetch-Site, which no
 * page script can set) says it instead; a browser with neither is let through with no Origin or a
 * null one. A form on another site (posting reactions from its visitors' browsers) is refused;
 * anonymous as a response, everything else is held to the intake limits per address.
 */
function fromThisSite(c: Context): boolean {
  if (sameOrigin(c)) return true;
  const site = c.req.header("Sec-Fetch-Site");
  if (site !== undefined) return site === "same-origin";
  const origin = c.req.header("Origin");
  return origin === undefined || origin === "null";
}

/** The form's fields, each checked: what is wrong and where. */
function readForm(text: string, indicators: readonly string[], locales: readonly Locale[]) {
  const form = new URLSearchParams(text);
  const indicator = form.get("indicator") ?? "";
  const helpful = form.get("helpful") ?? "";
  const comment = (form.get("comment") ?? "").trim();
  const lang = LOCALES.find((l) => l === form.get("lang") && locales.includes(l)) ?? "ja";
  const problems = [
    ...(indicators.includes(indicator)
      ? []
      : [{ path: "indicator", message: "is not an indicator of these results" }]),
    ...(helpful === "yes" || helpful === "no" ? [] : [{ path: "helpful", message: "must be yes or no" }]),
    ...(comment.length <= MAX_COMMENT
      ? []
      : [{ path: "comment", message: `at most ${MAX_COMMENT} characters` }]),
  ];
  if (problems.length > 0)
    throw new HttpProblem("invalid_body", "the reaction cannot be stored as sent", problems);
  return { indicator, helpful, comment, lang };
}

/**
 * POST /public/surveys/:id/results/:wave/reactions: the results page's "does this help?" as a plain
 * HTML form (no script), stored as a response of the reactions survey through the same checks,
 * dedupe and intake limits as POST /responses, then back to the page (303) to say thank you.
 */
export function reactionRoutes(
  deps: DepsWith<
    Pick<ResultsStorage, "livePublication"> & Pick<ResponseStorage, "insertResponses"> & IntakeStorage,
    "surveys" | "now" | "intakeLimits"
  > &
    Required<Pick<AppDeps, "clientAddress">>,
): Hono {
  const gate = intakeGate(deps.storage, deps.intakeLimits);
  return new Hono().post("/public/surveys/:id/results/:wave/reactions", async (c) => {
    if (!fromThisSite(c))
      throw new HttpProblem(
        "cross_site_request",
        "a reaction must be sent from the results page of this site",
      );
    const type = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== FORM_TYPE)
      throw new HttpProblem("unsupported_media_type", `send the reaction as a form (${FORM_TYPE})`);
    const snapshot = await liveSnapshot(deps.storage, surveyIdParam(c), parseWaveParam(c.req.param("wave")));
    const survey = deps.surveys.latestOf(reactionsSurveyId(snapshot.surveyId));
    if (!survey)
      throw new HttpProblem("survey_not_found", `there is no reactions survey of "${snapshot.surveyId}"`);
    const text = await readTextLimited(c, MAX_FORM_BYTES);
    const reaction = readForm(
      text,
      snapshot.indicators.map((i) => i.id),
      snapshot.locales,
    );
    const now = deps.now?.() ?? new Date();
    const response: SurveyResponse = {
      id: uuidv7(now.getTime()),
      surveyId: survey.id,
      surveyVersion: survey.version,
      submittedAt: now.toISOString(),
      locale: reaction.lang,
      mode: "self",
      answers: {
        [Q.indicator]: reaction.indicator,
        [Q.wave]: waveOption(snapshot.wave),
        [Q.helpful]: reaction.helpful,
        ...(reaction.comment && { [Q.comment]: reaction.comment }),
      },
    };
    const address = deps.clientAddress(c);
    let intake: Awaited<ReturnType<typeof gate.quotaFor>> | undefined;
    try {
      intake = address === undefined ? undefined : await gate.quotaFor({ kind: "address", address }, now);
    } catch (error) {
      if (!(error instanceof IntakeRefused)) throw error;
      c.header("Retry-After", String(error.retryAfterSeconds));
      throw new HttpProblem("rate_limited", `${error.message}; retry after the given seconds`);
    }
    const [result] = await ingestBatch([response], { ...deps, now: () => now }, intake ? { intake } : {});
    if (result?.status !== "accepted")
      throw new HttpProblem(
        "invalid_body",
        `the reaction was not stored: ${result?.error ?? result?.status}`,
      );
    const back = `${pageIn(snapshot, reaction.lang)}?reacted=${encodeURIComponent(reaction.indicator)}#${reaction.indicator}`;
    return c.redirect(back, 303);
  });
}
