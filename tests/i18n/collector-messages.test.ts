import { beforeAll, describe, expect, it } from "vitest";
import { itemReason, recordReason } from "../../src/app/collector/item-reason";
import { ApiError } from "../../src/app/collector/organizer-fetch";
import { collectorProblem } from "../../src/app/dashboard/collector-problem";
import { AUDIT_ACTIONS } from "../../src/contract/audit";
import { BACKUP_PROBLEM_CODES, ITEM_ERROR_CODES, PROBLEM_CODES } from "../../src/contract/problem-codes";
import { initI18n, loadStaffMessages, setLanguage } from "../../src/i18n";
import en from "../../src/i18n/catalogues/en";
import ja from "../../src/i18n/catalogues/ja";
import jaEasy from "../../src/i18n/catalogues/ja-x-easy";
import ko from "../../src/i18n/catalogues/ko";
import vi from "../../src/i18n/catalogues/vi";
import zhHans from "../../src/i18n/catalogues/zh-Hans";
import letterEn from "../../src/i18n/letter/en";
import letterJa from "../../src/i18n/letter/ja";
import letterJaEasy from "../../src/i18n/letter/ja-x-easy";
import letterKo from "../../src/i18n/letter/ko";
import letterVi from "../../src/i18n/letter/vi";
import letterZhHans from "../../src/i18n/letter/zh-Hans";
import staffEn from "../../src/i18n/staff/en";
import staffJa from "../../src/i18n/staff/ja";
import staffJaEasy from "../../src/i18n/staff/ja-x-easy";
import staffKo from "../../src/i18n/staff/ko";
import staffVi from "../../src/i18n/staff/vi";
import staffZhHans from "../../src/i18n/staff/zh-Hans";
import { PROBLEM_STATUS } from "../../src/server/http/problems";

// A refused invitation code is worded in the letter's words (loaded with the held-answers page).
const withLetter = <T extends { itemReason: object }>(messages: T, letter: { itemReason: object }): T => ({
  ...messages,
  itemReason: { ...messages.itemReason, ...letter.itemReason },
});
const respondent = {
  ja: withLetter(ja, letterJa),
  "ja-x-easy": withLetter(jaEasy, letterJaEasy),
  en: withLetter(en, letterEn),
  "zh-Hans": withLetter(zhHans, letterZhHans),
  ko: withLetter(ko, letterKo),
  vi: withLetter(vi, letterVi),
};
const staff = {
  ja: staffJa,
  "ja-x-easy": staffJaEasy,
  en: staffEn,
  "zh-Hans": staffZhHans,
  ko: staffKo,
  vi: staffVi,
};
const text = (messages: object, key: string): unknown => (messages as Record<string, unknown>)[key];
const missing = (messages: object, keys: readonly string[]) =>
  keys.filter((key) => typeof text(messages, key) !== "string" || String(text(messages, key)).trim() === "");

describe("every code the collector answers has a message in every language", () => {
  it("lists in problem-codes.ts exactly the codes of problems.ts", () => {
    expect([...PROBLEM_CODES].sort()).toEqual(Object.keys(PROBLEM_STATUS).sort());
  });

  for (const [locale, messages] of Object.entries(staff))
    it(`words each error code (PROBLEM_STATUS) and each backup problem in ${locale}`, () => {
      expect(missing(messages.collectorProblem, Object.keys(PROBLEM_STATUS))).toEqual([]);
      expect(missing(messages.collectorProblem.backup, BACKUP_PROBLEM_CODES)).toEqual([]);
    });

  // The audit screen shows an action it has no words for as its code (audit-words.ts).
  for (const [locale, messages] of Object.entries(staff))
    it(`words each audit action (AUDIT_ACTIONS) in ${locale}`, () => {
      expect(missing(messages.audit.actions, AUDIT_ACTIONS)).toEqual([]);
    });

  for (const [locale, messages] of Object.entries(respondent))
    it(`words each item's rejection code in ${locale}`, () => {
      expect(missing(messages.itemReason, ITEM_ERROR_CODES)).toEqual([]);
    });
});

describe("a collector's refusal in the reader's language", () => {
  beforeAll(async () => {
    await initI18n("ja");
    await loadStaffMessages();
  });

  const checksum = new ApiError(
    "damaged backup: the checksum does not match its contents (the file was changed or cut short); nothing was imported",
    [{ path: "checksum", code: "checksum_mismatch", message: "the checksum does not match" }],
    "invalid_backup",
    422,
  );

  it("says why a backup was refused from its problem's code, not the collector's English", async () => {
    await setLanguage("ja");
    expect(collectorProblem(checksum)).toEqual({
      summary: staffJa.collectorProblem.backup.checksum_mismatch,
      details: [],
    });
    await setLanguage("vi");
    expect(collectorProblem(checksum).summary).toBe(staffVi.collectorProblem.backup.checksum_mismatch);
  });

  it("names a damaged field's place, and a deep item's, after the sentence", async () => {
    await setLanguage("ja");
    const field = new ApiError(
      "damaged backup: items.1.state: Invalid option",
      [{ path: "items.1.state", code: "invalid_field", message: "Invalid option" }],
      "invalid_backup",
      422,
    );
    expect(collectorProblem(field)).toEqual({
      summary: staffJa.collectorProblem.backup.invalid_field,
      details: ["items.1.state: Invalid option"],
    });
    const deep = new ApiError(
      "damaged backup: item 3 is nested …",
      [{ path: "items.3", code: "nested_too_deep", message: "nested more than 32 levels deep" }],
      "invalid_backup",
      422,
    );
    expect(collectorProblem(deep).summary).toBe(
      staffJa.collectorProblem.backup.nested_too_deep.replace("{{path}}", "items.3"),
    );
  });

  it("words every other error by its code, with the places the collector named", async () => {
    await setLanguage("ko");
    const csv = new ApiError(
      "1 problem(s), first at line 2, column 1: …",
      [{ path: "line 2, column 1", message: '"x" is not an option of q_age' }],
      "invalid_population_csv",
      422,
    );
    expect(collectorProblem(csv)).toEqual({
      summary: staffKo.collectorProblem.invalid_population_csv,
      details: ['line 2, column 1: "x" is not an option of q_age'],
    });
  });

  it("falls back to the collector's English for a code it does not know, and says the status without a body", async () => {
    await setLanguage("ja");
    expect(collectorProblem(new ApiError("a newer collector's reason", [], "brand_new", 409)).summary).toBe(
      "a newer collector's reason",
    );
    expect(collectorProblem(new ApiError("HTTP 502", [], undefined, 502)).summary).toBe(
      staffJa.collectorProblem.http.replace("{{status}}", "502"),
    );
    expect(collectorProblem(new TypeError("Failed to fetch")).summary).toBe(staffJa.collectorProblem.network);
  });

  it("says why an item was refused from its code, with the field where it matters", async () => {
    await setLanguage("ja");
    expect(
      itemReason({ status: "rejected", code: "invalid_answers", error: "answers.q_age: is required" }),
    ).toBe(`${ja.itemReason.invalid_answers}（answers.q_age: is required）`);
    expect(itemReason({ status: "rejected", code: "kiosk_token_missing", error: "mode: a kiosk …" })).toBe(
      ja.itemReason.kiosk_token_missing,
    );
    await setLanguage("en");
    expect(itemReason({ status: "conflict", code: "content_differs", error: "this id is stored …" })).toBe(
      en.itemReason.content_differs,
    );
  });

  it("keeps the collector's English after a sentence for the status where the code is unknown or absent", async () => {
    await setLanguage("ja");
    expect(itemReason({ status: "rejected", code: "brand_new", error: "something new" })).toBe(
      `${ja.itemReason.rejected}（something new）`,
    );
    expect(itemReason({ status: "conflict", error: "an older collector's words" })).toBe(
      `${ja.itemReason.conflict}（an older collector's words）`,
    );
  });

  it("words an outbox record by the code it kept, and a damaged record as damaged", async () => {
    await setLanguage("ja");
    expect(recordReason({ state: "rejected", reason: "eventId: …", reasonCode: "event_mismatch" })).toBe(
      ja.itemReason.event_mismatch,
    );
    expect(
      recordReason({ state: "rejected", reason: "corrupt record: answers: Invalid input", corrupt: true }),
    ).toBe(`${ja.itemReason.corrupt}（answers: Invalid input）`);
  });
});
