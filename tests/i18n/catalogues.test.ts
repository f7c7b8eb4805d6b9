import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/domain/locales";
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

const catalogues: Record<string, unknown> = { ja, "ja-x-easy": jaEasy, en, "zh-Hans": zhHans, ko, vi };
const staffCatalogues: Record<string, unknown> = {
  ja: staffJa,
  "ja-x-easy": staffJaEasy,
  en: staffEn,
  "zh-Hans": staffZhHans,
  ko: staffKo,
  vi: staffVi,
};
/** The mailed letter's words (loadLetterMessages): resident words, loaded with the code's entry. */
const letterCatalogues: Record<string, unknown> = {
  ja: letterJa,
  "ja-x-easy": letterJaEasy,
  en: letterEn,
  "zh-Hans": letterZhHans,
  ko: letterKo,
  vi: letterVi,
};
/** The folders of the staff pages, whose code loads only with their words (app.tsx, staffPage). */
const STAFF_FOLDERS = [
  "src/app/dashboard",
  "src/app/kiosk",
  "src/app/enroll",
  "src/app/flyer",
  "src/app/paper",
];

/** "respondent.next" → its text, for every leaf of a nested catalogue. */
function flatten(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === "object") for (const [k, v] of flatten(child, path)) out.set(k, v);
    else out.set(path, child);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const jaKeys = flatten(ja);
const staffJaKeys = flatten(staffJa);
const letterJaKeys = flatten(letterJa);
const placeholders = (text: unknown) =>
  [...new Set([...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe("message catalogues", () => {
  it("exist for every locale the app offers", () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  for (const [locale, catalogue, sourceKeys, kind] of [
    ...Object.entries(catalogues).map(([l, c]) => [l, c, jaKeys, "messages"] as const),
    ...Object.entries(staffCatalogues).map(([l, c]) => [l, c, staffJaKeys, "staff messages"] as const),
    ...Object.entries(letterCatalogues).map(([l, c]) => [l, c, letterJaKeys, "letter messages"] as const),
  ]) {
    describe(`${kind} in ${locale}`, () => {
      const jaKeys = sourceKeys;
      const keys = flatten(catalogue);
      it("has every key of ja, and no other", () => {
        expect([...jaKeys.keys()].filter((k) => !keys.has(k))).toEqual([]);
        expect([...keys.keys()].filter((k) => !jaKeys.has(k))).toEqual([]);
      });
      it("has no empty message", () => {
        expect([...keys].filter(([, text]) => typeof text !== "string" || text.trim() === "")).toEqual([]);
      });
      it("fills the same {{values}} as ja", () => {
        const wrong = [...jaKeys.keys()].filter(
          (k) => keys.has(k) && placeholders(keys.get(k)).join() !== placeholders(jaKeys.get(k)).join(),
        );
        expect(wrong).toEqual([]);
      });
    });
  }

  it("has in ja every key that src/app uses with t()", () => {
    const used = new Set<string>();
    for (const file of sourceFiles("src/app"))
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([^"]+)"/g)) used.add(m[1] as string);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !jaKeys.has(k) && !staffJaKeys.has(k) && !letterJaKeys.has(k))).toEqual(
      [],
    );
  });

  it("keeps the staff pages' words out of every screen a resident may open, and theirs in the first load", () => {
    const staffFile = (file: string) => STAFF_FOLDERS.some((dir) => file.startsWith(`${dir}/`));
    const misplaced: string[] = [];
    for (const file of sourceFiles("src/app"))
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([^"]+)"/g)) {
        const key = m[1] as string;
        // Outside the staff pages a staff key would show as "dashboard.title" on a resident's phone.
        if (!staffFile(file) && !jaKeys.has(key) && !letterJaKeys.has(key)) misplaced.push(`${file}: ${key}`);
      }
    expect(misplaced).toEqual([]);
    expect([...staffJaKeys.keys()].filter((k) => jaKeys.has(k))).toEqual([]);
  });
});
