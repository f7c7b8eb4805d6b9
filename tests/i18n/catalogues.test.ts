import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../src/i18n/catalogues/en";
import ja from "../../src/i18n/catalogues/ja";
import jaEasy from "../../src/i18n/catalogues/ja-x-easy";
import ko from "../../src/i18n/catalogues/ko";
import vi from "../../src/i18n/catalogues/vi";
import zhHans from "../../src/i18n/catalogues/zh-Hans";
import { LOCALES } from "../../src/survey/locale";

const catalogues: Record<string, unknown> = { ja, "ja-x-easy": jaEasy, en, "zh-Hans": zhHans, ko, vi };

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
const placeholders = (text: unknown) =>
  [...new Set([...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe("message catalogues", () => {
  it("exist for every locale the app offers", () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  for (const [locale, catalogue] of Object.entries(catalogues)) {
    describe(locale, () => {
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
    expect([...used].filter((k) => !jaKeys.has(k))).toEqual([]);
  });
});
