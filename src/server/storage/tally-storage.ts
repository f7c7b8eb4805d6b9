import type { ResponseCounts } from "../../contract/counts";

export interface CountQuery {
  surveyId: string;
  /** A fiscal year, or null for every wave. */
  wave: number | null;
  questionIds: readonly string[];
}

/** question id → option id → responses that chose it. */
export type CountsByQuestion = Map<string, Record<string, number>>;

/** What a breakdown groups responses by: a single-choice question's option, the mode, or the event. */
export type GroupDimension = { kind: "question"; questionId: string } | { kind: "mode" } | { kind: "event" };

export interface GroupedCountQuery extends CountQuery {
  /** One dimension for a breakdown; two (age × sex) for post-stratification cells. */
  by: readonly GroupDimension[];
}

/** The totals and a breakdown by one dimension (a single-choice question, mode or event). */
export interface BreakdownQuery extends CountQuery {
  by: GroupDimension;
}

export interface BreakdownCounts {
  /** As countOptions: every response in scope, in a group or not. */
  totals: CountsByQuestion;
  /** As countOptionsByGroups with this one dimension: only the responses in a group. */
  rows: GroupedCountRow[];
}

export interface WaveCountRow {
  questionId: string;
  wave: number;
  optionId: string;
  count: number;
}

/** Responses that chose optionId for questionId, in wave, whose group values are `groups` (one per dimension). */
export interface GroupedCountRow extends WaveCountRow {
  groups: string[];
}

export interface ChoiceCountQuery {
  surveyId: string;
  wave: number | null;
  questionId: string;
}

export interface ChoiceCounts {
  /** option id → responses that ticked it. */
  chosen: Record<string, number>;
  /** Responses with at least one tick: those who saw and answered the question. */
  respondents: number;
}

export interface ResponseCountQuery {
  surveyId: string;
  /** A fiscal year, or null for every wave. */
  wave: number | null;
}

/** The counts of /counts before suppression, with each wave's kiosk responses per event and device. */
export interface StoredResponseCounts {
  byDay: ResponseCounts["byDay"];
  byEvent: { eventId: string | null; name?: string; n: number }[];
  byDevice: { deviceId: string | null; label?: string; n: number }[];
  byVersion: ResponseCounts["byVersion"];
  byWaveEventDevice: { wave: number; eventId: string; deviceId: string | null; n: number }[];
}

/** A version some counted response of a wave was answered on. */
export interface WaveVersionRow {
  wave: number;
  version: number;
}

/** The counts every tally, table and chart is computed from: GROUP BYs over answer_choices and responses. */
export interface TallyStorage {
  countOptions(query: CountQuery): Promise<CountsByQuestion>;
  countOptionsByWave(query: CountQuery): Promise<WaveCountRow[]>;
  /** Each (wave, version) that has counted responses of the survey: where the trend may break. */
  versionsByWave(surveyId: string): Promise<WaveVersionRow[]>;
  countOptionsByGroups(query: GroupedCountQuery): Promise<GroupedCountRow[]>;
  /** countOptions and countOptionsByGroups of one dimension, in one query. */
  countOptionsWithBreakdown(query: BreakdownQuery): Promise<BreakdownCounts>;
  countChoices(query: ChoiceCountQuery): Promise<ChoiceCounts>;
  /** Stored responses per Tokyo day of submittedAt, event, device and survey version. */
  countResponses(query: ResponseCountQuery): Promise<StoredResponseCounts>;
}
