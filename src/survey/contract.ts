import "./zod-config";
import { z } from "zod";
import { Target } from "./definition";
import { BLANK_TREATMENTS } from "./weighting";

/**
 * The bodies of HTTP contract v1 (DESIGN.md): one schema each, used by the sync engine to read the
 * collector's answers and by the collector to write them, so the two cannot drift apart.
 */
export const MAX_BATCH_ITEMS = 500;
export const MAX_BATCH_BYTES = 1024 * 1024;
export const MAX_RECEIPT_IDS = 1000;
/** A device backup posted to /imports: a tablet's whole day, far more than one sync batch. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Items stay `unknown` here: each is checked on its own so one bad item never sinks the batch. */
export const ResponsesBody = z.object({ responses: z.array(z.unknown()).max(MAX_BATCH_ITEMS) });

export const ItemStatus = z.enum(["accepted", "duplicate", "conflict", "rejected"]);
export type ItemStatus = z.infer<typeof ItemStatus>;

/**
 * One item's fate. A rejected or conflicting one says why twice: `code` (ITEM_ERROR_CODES), which
 * the app words in its reader's language, and `error`, the collector's English with the specifics
 * (which field, which value), kept for clients that predate `code`. A code this app does not know
 * yet (a newer collector's) is still read, and the English shown.
 */
export const ItemResult = z.object({
  id: z.string(),
  status: ItemStatus,
  error: z.string().optional(),
  code: z.string().optional(),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const ResponsesResult = z.object({ results: z.array(ItemResult) });
export type ResponsesResult = z.infer<typeof ResponsesResult>;

/** What an import did: a count per status, then one result per item of the file, in order. */
export const ImportSummary = z.object({
  accepted: z.number().int(),
  duplicate: z.number().int(),
  conflict: z.number().int(),
  rejected: z.number().int(),
  results: z.array(ItemResult),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ReceiptsBody = z.object({ ids: z.array(z.string().max(64)).max(MAX_RECEIPT_IDS) });
export const ReceiptsResult = z.object({ stored: z.array(z.string()) });
export type ReceiptsResult = z.infer<typeof ReceiptsResult>;

/**
 * GET /session: whether this browser's session cookie is signed in. A question anyone may ask and
 * "no" an answer, not a refusal: a 401 here was logged as an error in the console of every
 * dashboard opened before signing in (docs/lighthouse.md).
 */
export const SessionState = z.object({ signedIn: z.boolean() });
export type SessionState = z.infer<typeof SessionState>;

export const Health = z.object({ ok: z.literal(true), storage: z.enum(["sqlite", "postgres"]) });

const Interval = z.tuple([z.number(), z.number()]);

export const TallyGroup = z.object({
  key: z.string(),
  n: z.number().int().nullable(),
  positive: z.number().int().nullable(),
  percent: z.number().nullable(),
  ci95: Interval.nullable(),
  suppressed: z.boolean(),
});

/**
 * The post-stratified estimate beside the unweighted one: population cells from the uploaded
 * register totals, the interval from Kish's effective sample size, and the cells that had nobody.
 */
export const WeightedTally = z.object({
  /**
   * The estimate is withheld (every figure null): a group of a weighting question is hidden in its
   * breakdown, and the weighted percent and n_eff, with the population known, would solve it.
   */
  suppressed: z.boolean(),
  n: z.number().int().nullable(),
  nEffective: z.number().nullable(),
  percent: z.number().nullable(),
  ci95: Interval.nullable(),
  verdict: z.enum(["met", "not_met"]).nullable(),
  cellsWithoutRespondents: z.array(z.string()),
  /** `?blanks=`: a blank weighting answer left out (`exclude`) or kept at weight 1 (`keep`). */
  blanks: z.enum(BLANK_TREATMENTS),
  /** Respondents in the indicator's base the estimate leaves out, and why: never silently. */
  leftOut: z.object({ blankAnswer: z.number().int(), noPopulation: z.number().int() }).nullable(),
});
export type WeightedTally = z.infer<typeof WeightedTally>;

export const IndicatorTally = z.object({
  id: z.string(),
  n: z.number().int(),
  positive: z.number().int(),
  percent: z.number().nullable(),
  ci95: Interval.nullable(),
  target: Target.nullable(),
  verdict: z.enum(["met", "not_met"]).nullable(),
  groups: z.array(TallyGroup).optional(),
  /** Present when population totals were uploaded for the survey. */
  weighted: WeightedTally.optional(),
});
export type IndicatorTally = z.infer<typeof IndicatorTally>;

export const Tallies = z.object({
  surveyId: z.string(),
  wave: z.number().int().nullable(),
  by: z.string().nullable(),
  indicators: z.array(IndicatorTally),
});
export type Tallies = z.infer<typeof Tallies>;

/** GET /surveys/:id/choices: the share choosing each option, over the respondents who answered. */
export const ChoiceShares = z.object({
  surveyId: z.string(),
  wave: z.number().int().nullable(),
  questionId: z.string(),
  /** Responses that saw the question and ticked at least one option: the base of every share. */
  respondents: z.number().int(),
  options: z.array(
    z.object({
      optionId: z.string(),
      n: z.number().int(),
      positive: z.number().int(),
      percent: z.number().nullable(),
      ci95: Interval.nullable(),
    }),
  ),
});
export type ChoiceShares = z.infer<typeof ChoiceShares>;

/** The change from the previous wave, in percentage points, with Newcombe's 95% interval. */
export const TrendChange = z.object({
  fromWave: z.number().int(),
  points: z.number(),
  ci95: Interval,
  /** The interval excludes 0: the change is larger than its uncertainty. */
  significant: z.boolean(),
});

export const TrendPoint = z.object({
  wave: z.number().int(),
  n: z.number().int(),
  positive: z.number().int(),
  percent: z.number().nullable(),
  ci95: Interval.nullable(),
  verdict: z.enum(["met", "not_met"]).nullable(),
  change: TrendChange.nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** GET /surveys/:id/trend: each indicator per wave (fiscal year), oldest first. */
export const Trend = z.object({
  surveyId: z.string(),
  waves: z.array(z.number().int()),
  indicators: z.array(z.object({ id: z.string(), target: Target.nullable(), points: z.array(TrendPoint) })),
});
export type Trend = z.infer<typeof Trend>;

/** GET /surveys/:id/counts: stored responses per Tokyo day, event, kiosk device and survey version. */
export const ResponseCounts = z.object({
  surveyId: z.string(),
  /** The fiscal year asked for, or null for every wave. */
  wave: z.number().int().nullable(),
  /** Oldest day first; only days with responses. */
  byDay: z.array(z.object({ day: z.iso.date(), n: z.number().int() })),
  /**
   * eventId null: responses from no event (self-completed ones); name when the event is known.
   * suppressed: n is null, as the tallies' by=event hides small events (below minCell, and those
   * whose count would give a hidden one back).
   */
  byEvent: z.array(
    z.object({
      eventId: z.string().nullable(),
      name: z.string().optional(),
      n: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
  ),
  /** deviceId null: responses from no kiosk device; label when the device is enrolled here. */
  byDevice: z.array(
    z.object({
      deviceId: z.string().nullable(),
      label: z.string().optional(),
      n: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
  ),
  /** Oldest version first. */
  byVersion: z.array(z.object({ version: z.number().int(), n: z.number().int() })),
});
export type ResponseCounts = z.infer<typeof ResponseCounts>;

/** GET/POST /surveys/:id/population: the register's totals the weighted estimates use. */
export const PopulationSummary = z.object({
  surveyId: z.string(),
  /** The single-choice questions the cells are made of; empty when none was uploaded. */
  dimensions: z.array(z.string()),
  cells: z.array(z.object({ cell: z.string(), population: z.number().int() })),
  total: z.number().int(),
  uploadedAt: z.string().nullable(),
});
export type PopulationSummary = z.infer<typeof PopulationSummary>;

/**
 * Every error the collector answers has this shape; `code` is stable (PROBLEM_CODES), `message` is
 * for people, in English. A problem's `code`, where it has one (BACKUP_PROBLEM_CODES), says what
 * kind of problem it is in a form the app words in its reader's language; `path` says where.
 */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
