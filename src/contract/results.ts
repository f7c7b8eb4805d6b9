import "../domain/zod-config";
import { z } from "zod/mini";
import { SurveyId, Target } from "../domain/definition";
import { Locale } from "../domain/locale";
import { Count, Interval, Verdict } from "../domain/tally";
import { TrendChange } from "./trend";

const wave = z.number().check(z.int());

/** A text in some of the survey's languages; the reader's missing one falls back, visibly, to Japanese. */
export const ResultsText = z.partialRecord(Locale, z.string());
export type ResultsText = z.infer<typeof ResultsText>;

/** At most this many breakdowns on a published page: a phone's screen, not the dashboard. */
export const MAX_PUBLIC_BREAKDOWNS = 3;
/** A "what the ward will do" text's length in one language, in characters. */
export const MAX_WARD_TEXT = 2000;

/**
 * POST /surveys/:id/results/:wave (admin): each indicator's "what the ward will do" by language
 * (indicator id → language → text; a blank text is left out) and the single-choice questions the
 * page breaks the indicators down by.
 */
export const PublishResultsBody = z.object({
  texts: z._default(
    z.record(z.string(), z.partialRecord(Locale, z.string().check(z.maxLength(MAX_WARD_TEXT)))),
    {},
  ),
  breakdowns: z._default(z.array(z.string()).check(z.maxLength(MAX_PUBLIC_BREAKDOWNS)), []),
});
export type PublishResultsBody = z.infer<typeof PublishResultsBody>;

/** A group of a published breakdown: a suppressed one carries no count and no percent, anywhere. */
export const ResultsGroup = z.object({
  key: z.string(),
  label: ResultsText,
  n: z.nullable(Count),
  percent: z.nullable(z.number()),
  ci95: z.nullable(Interval),
  suppressed: z.boolean(),
});
export type ResultsGroup = z.infer<typeof ResultsGroup>;

export const ResultsBreakdown = z.object({
  by: z.string(),
  label: ResultsText,
  groups: z.array(ResultsGroup),
});
export type ResultsBreakdown = z.infer<typeof ResultsBreakdown>;

/** One earlier (or this) wave of the indicator, for the trend. */
export const ResultsTrendPoint = z.object({
  wave,
  n: Count,
  percent: z.nullable(z.number()),
  ci95: z.nullable(Interval),
  /** The indicator's definition changed into this wave: the points before it measure something else. */
  seriesBreak: z.boolean(),
});
export type ResultsTrendPoint = z.infer<typeof ResultsTrendPoint>;

/** The post-stratified estimate, present only where it cannot give a hidden group back. */
export const ResultsWeighted = z.object({ percent: z.number(), ci95: Interval, nEffective: z.number() });

export const ResultsIndicator = z.object({
  id: z.string(),
  label: ResultsText,
  shortLabel: z.optional(ResultsText),
  n: Count,
  positive: Count,
  percent: z.nullable(z.number()),
  ci95: z.nullable(Interval),
  target: z.nullable(Target),
  verdict: z.nullable(Verdict),
  weighted: z.nullable(ResultsWeighted),
  /** From the wave before, where the series continues. */
  change: z.nullable(TrendChange),
  trend: z.array(ResultsTrendPoint),
  breakdowns: z.array(ResultsBreakdown),
  /** What the ward will do, by language. */
  text: ResultsText,
});
export type ResultsIndicator = z.infer<typeof ResultsIndicator>;

/** How the figures were made: the open data's metadata, in English and Japanese. */
export const ResultsMethod = z.object({
  estimator: z.string(),
  intervalMethod: z.string(),
  weighting: z.string(),
  suppressionRule: z.string(),
  minCell: Count,
  reviewState: z.string(),
});

export const RESULTS_LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/**
 * A published results snapshot: stored once per (survey, wave, publication) and never changed, so
 * answers that arrive later move nothing until the wave is published again. The page, the JSON
 * and the CSV all render from it.
 */
export const ResultsSnapshot = z.object({
  surveyId: SurveyId,
  wave,
  /** 1, 2, … as the wave is published again; 0 in a preview (dryRun), which is never stored. */
  publication: z.number().check(z.int(), z.gte(0)),
  publishedAt: z.string(),
  /** The survey version whose labels the snapshot carries (the latest at publication). */
  surveyVersion: z.number().check(z.int()),
  title: ResultsText,
  locales: z.array(Locale),
  /** Counted responses of the wave. */
  respondents: Count,
  /** Mailed letters of the wave, when the ward recorded them; the response rate needs them. */
  mailed: z.nullable(Count),
  /**
   * The mailed sample's response rate in percent (codes used online and paper forms returned, over
   * letters mailed); null when no letters were recorded. Absent in snapshots published before it.
   */
  responseRate: z.optional(z.nullable(z.number())),
  method: ResultsMethod,
  licence: z.object({ name: z.string(), url: z.string() }),
  indicators: z.array(ResultsIndicator),
});
export type ResultsSnapshot = z.infer<typeof ResultsSnapshot>;

/** 201 of a publish: which publication is now the page. */
export const PublishedResults = z.object({
  surveyId: z.string(),
  wave,
  publication: z.number().check(z.int()),
  publishedAt: z.string(),
  page: z.string(),
});
export type PublishedResults = z.infer<typeof PublishedResults>;

/** GET /public/surveys/:id/results.json: the waves whose results are published now, newest first. */
export const PublishedResultsList = z.object({
  surveyId: z.string(),
  results: z.array(
    z.object({
      wave,
      publication: z.number().check(z.int()),
      publishedAt: z.string(),
      page: z.string(),
      json: z.string(),
      csv: z.string(),
    }),
  ),
});
export type PublishedResultsList = z.infer<typeof PublishedResultsList>;

/** Where a published wave lives: the page and its open data. */
export const resultsPaths = (surveyId: string, w: number) => ({
  page: `/results/${surveyId}/${w}`,
  json: `/api/v1/public/surveys/${surveyId}/results/${w}.json`,
  csv: `/api/v1/public/surveys/${surveyId}/results/${w}.csv`,
});
