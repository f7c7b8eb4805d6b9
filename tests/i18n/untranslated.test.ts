import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../src/i18n/catalogues/en";
import ko from "../../src/i18n/catalogues/ko";
import vi from "../../src/i18n/catalogues/vi";
import zhHans from "../../src/i18n/catalogues/zh-Hans";
import staffEn from "../../src/i18n/staff/en";
import staffKo from "../../src/i18n/staff/ko";
import staffVi from "../../src/i18n/staff/vi";
import staffZhHans from "../../src/i18n/staff/zh-Hans";

// A message copied from Japanese and never translated passes a "same keys, not empty" check. These
// catch it by script: English and Vietnamese have no kana or kanji, Korean none either, and
// Simplified Chinese no kana (Chinese shares the kanji).
// The middle dot ・ (U+30FB) sits among the katakana but is punctuation, also written in Chinese.
const KANA = /[\u3040-\u30fa\u30fc-\u30ff\uff66-\uff9f]/;
const KANA_OR_KANJI = /[\u3040-\u30fa\u30fc-\u30ff\uff66-\uff9f\u4e00-\u9fff]/;
const RULES: Record<string, RegExp> = {
  en: KANA_OR_KANJI,
  vi: KANA_OR_KANJI,
  ko: KANA_OR_KANJI,
  "zh-Hans": KANA,
};

function leaves(value: unknown, prefix = ""): [string, string][] {
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof child === "object" && child ? leaves(child, path) : [[path, String(child)]];
  });
}

describe("no Japanese left in another language's catalogue", () => {
  // Each language's two catalogues as one: the staff groups never share a name with the others.
  const catalogues: Record<string, unknown> = {
    en: { ...en, ...staffEn },
    vi: { ...vi, ...staffVi },
    ko: { ...ko, ...staffKo },
    "zh-Hans": { ...zhHans, ...staffZhHans },
  };
  for (const [locale, catalogue] of Object.entries(catalogues))
    it(locale, () => {
      const rule = RULES[locale] as RegExp;
      // The switch's label names the control in Japanese too, so that anyone can find it.
      const left = leaves(catalogue).filter(([key, text]) => key !== "header.language" && rule.test(text));
      expect(left).toEqual([]);
    });

  it("catches a message left in Japanese", () => {
    expect(leaves({ a: { b: "次へ" } }).filter(([, text]) => (RULES.en as RegExp).test(text))).toHaveLength(
      1,
    );
  });
});

/** Every string of a definition under a locale key, wherever it sits, with its JSON path. */
function localized(value: unknown, path: string, out: [string, string, string][]): void {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) localized(v, `${path}[${i}]`, out);
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === "string" && key in RULES) out.push([`${path}.${key}`, key, child]);
      else localized(child, `${path}.${key}`, out);
    }
}

describe("no Japanese left in a shipped definition's translations", () => {
  const dir = "surveys";
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")))
    it(file, () => {
      const found: [string, string, string][] = [];
      localized(JSON.parse(readFileSync(join(dir, file), "utf8")), file, found);
      expect(found.length).toBeGreaterThan(40);
      expect(found.filter(([, locale, text]) => (RULES[locale] as RegExp).test(text))).toEqual([]);
    });
});
