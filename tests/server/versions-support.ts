import { join } from "node:path";
import { XLSX_MEDIA_TYPE } from "../../src/contract/versions";
import type { SurveyDefinition } from "../../src/domain/definition";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import { createApp } from "../../src/server/app";
import { openPublishedSurveys } from "../../src/server/published-surveys";
import type { Storage } from "../../src/server/storage";
import { organizer, TOKEN } from "./support";
import { type Rows, setCell, shipped, shippedRows, toXlsx } from "./workbook/workbook-fixture";

/** The shipped surveys/ and surveys/archive/ (every earlier version), as the collector seeds them. */
export const SHIPPED_DIRS = [
  join(import.meta.dirname, "../../surveys"),
  join(import.meta.dirname, "../../surveys/archive"),
];
export const WARD = "ward-resident";
/** The version surveys/ward-resident.json ships, served at first start; the archive holds 1 … SHIPPED - 1. */
export const SHIPPED = shipped.version;
/** The version an admin publishes next. */
export const NEXT = SHIPPED + 1;
/** What the first start stores: every shipped version, as storage.versionKeys() lists them. */
export const SEEDED = Array.from({ length: SHIPPED }, (_, i) => `${WARD} v${i + 1}`);

/** A collector app over `storage` as main.ts makes one: seeded from surveys/, its registry from storage. */
export async function seededApp(storage: Storage, options: { clock?: () => number } = {}) {
  const { surveys, seeded } = await openPublishedSurveys(storage, SHIPPED_DIRS, options);
  const app = createApp({ storage, surveys, organizerToken: TOKEN, log: () => {} });
  return { app, surveys, seeded };
}

/**
 * The shipped survey's workbook as its next version: the first question reworded in Japanese and a
 * text question q_new added at the end.
 */
export function nextVersionRows(): Rows {
  const rows = shippedRows();
  setCell(rows, "settings", 2, "version", NEXT);
  setCell(rows, "survey", 2, "label::ja", "お住まいの地域はどこですか（改訂）");
  const row = rows.survey.length + 1;
  setCell(rows, "survey", row, "type", "text");
  setCell(rows, "survey", row, "name", "q_new");
  setCell(rows, "survey", row, "max_length", 200);
  for (const [locale, text] of Object.entries({
    ja: "区へのご意見",
    "ja-x-easy": "区への いけん",
    en: "Your opinion",
    "zh-Hans": "您的意见",
    ko: "의견",
    vi: "Ý kiến của bạn",
  }))
    setCell(rows, "survey", row, `label::${locale}`, text);
  return rows;
}

export const nextVersionWorkbook = (rows: Rows = nextVersionRows()) => toXlsx(rows);

/** An upload of `bytes` as an .xlsx by the organizer. */
export function xlsxUpload(bytes: Uint8Array, headers: Record<string, string> = organizer): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": XLSX_MEDIA_TYPE, ...headers },
    body: new Uint8Array(bytes),
  };
}

/** A valid answer to version 1 (archived: a phone may still hold one) from a resident's phone. */
export function version1Response(overrides: Partial<Response> = {}): Response {
  return {
    id: uuidv7(),
    surveyId: WARD,
    surveyVersion: 1,
    submittedAt: "2026-07-01T01:00:00.000Z",
    locale: "ja",
    mode: "self",
    answers: { q_area: "area_01", q_disaster_prep: "yes", q_info_reach: "feel", q_watch_over: "feel" },
    ...overrides,
  };
}

export const questionIds = (def: SurveyDefinition) => def.questions.map((q) => q.id);
