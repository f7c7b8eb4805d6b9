import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/domain/locales";
import type { Messages } from "../../src/i18n/translate";

// The app's translator (src/i18n/translate.ts) reads a dotted key and fills {{name}} placeholders,
// nothing more: no plural forms, nesting ($t), formats ({{n, number}}) or unescaped values ({{- x}}).
// A message written for i18next's richer syntax would show its markup to the reader; this holds
// every catalogue, resident's and staff's, to what the translator does.
const PLURAL_OR_CONTEXT_KEY = /_(zero|one|two|few|many|other|ordinal_\w+|male|female)$/;

function leaves(value: Messages, prefix = ""): [string, string][] {
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof child === "string" ? [[path, child] as [string, string]] : leaves(child, path);
  });
}

/** What a message holds that the translator would show as it is. */
function unsupported(message: string): string[] {
  const rest = message.replace(/\{\{\w+\}\}/g, "");
  const found: string[] = [];
  if (rest.includes("{{") || rest.includes("}}")) found.push("a placeholder other than {{name}}");
  if (message.includes("$t(")) found.push("nesting ($t)");
  return found;
}

describe("every catalogue's messages", () => {
  for (const kind of ["catalogues", "staff"] as const)
    for (const locale of LOCALES)
      it(`in ${kind}/${locale} use only a dotted key and {{name}} placeholders`, async () => {
        const catalogue = ((await import(`../../src/i18n/${kind}/${locale}.ts`)) as { default: Messages })
          .default;
        const all = leaves(catalogue);
        expect(all.length).toBeGreaterThan(50);
        const problems = all.flatMap(([key, message]) => [
          ...unsupported(message).map((what) => `${key}: ${what}`),
          ...(PLURAL_OR_CONTEXT_KEY.test(key) ? [`${key}: a plural or context form`] : []),
          ...(key.split(".").some((name) => name.includes(":")) ? [`${key}: a namespace separator`] : []),
        ]);
        expect(problems).toEqual([]);
      });

  it("would be caught holding i18next's syntax", () => {
    expect(unsupported("{{count, number}} items")).toEqual(["a placeholder other than {{name}}"]);
    expect(unsupported("{{- html}}")).toEqual(["a placeholder other than {{name}}"]);
    expect(unsupported("See $t(other.key)")).toEqual(["nesting ($t)"]);
    expect(unsupported("{{n}} of {{total}}")).toEqual([]);
    expect(PLURAL_OR_CONTEXT_KEY.test("respondent.item_other")).toBe(true);
  });
});
