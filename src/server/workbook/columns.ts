import { LOCALES, type Locale } from "../../domain/locales";
import type { Findings } from "./findings";
import type { Table } from "./sheet-table";

export const SHEETS = ["survey", "choices", "indicators", "settings"] as const;
export type SheetName = (typeof SHEETS)[number];

interface SheetColumns {
  /** Columns of one value, in the order the template writes them. */
  plain: readonly string[];
  /** Columns with a language, `label::ja`: the part before `::`. */
  localized: readonly string[];
  /** What every row needs; a localized one in every language the survey declares. */
  required: readonly string[];
}

/** The columns of each sheet (docs/workbook.md). */
export const COLUMNS: Record<SheetName, SheetColumns> = {
  survey: {
    plain: ["type", "name", "required", "relevant", "min", "max", "max_length", "appearance"],
    localized: ["label", "short_label", "hint", "unit"],
    required: ["type", "name", "label"],
  },
  choices: {
    plain: ["list_name", "name", "exclusive"],
    localized: ["label"],
    required: ["list_name", "name", "label"],
  },
  indicators: {
    plain: ["id", "question", "positive", "exclude", "target"],
    localized: ["label", "short_label"],
    required: ["id", "question", "positive", "label"],
  },
  settings: {
    plain: ["id", "version", "languages", "min_cell", "opens", "closes", "published_at"],
    localized: ["title", "description", "contact"],
    required: ["id", "version", "languages", "title", "description"],
  },
};

export function isLocale(tag: string): tag is Locale {
  return (LOCALES as readonly string[]).includes(tag);
}

/**
 * Unknown columns (a typo would otherwise drop what it holds without a word), columns in unknown
 * languages, and missing columns: the required ones, and every declared language of a localized
 * column that the sheet uses at all (a hint::ja column asks for hint::en, …).
 */
export function checkColumns(table: Table, locales: readonly Locale[], findings: Findings): void {
  const spec = COLUMNS[table.sheet as SheetName];
  const header = (column: string) => ({ sheet: table.sheet, row: 1, column });
  const usedPrefixes = new Set<string>();
  for (const [name, letter] of table.columns) {
    const [prefix = "", language] = name.split("::");
    if (language === undefined) {
      if (!spec.plain.includes(name)) findings.add(header(letter), "unknown_column", { column: name });
    } else if (!spec.localized.includes(prefix))
      findings.add(header(letter), "unknown_column", { column: name });
    else if (!isLocale(language))
      findings.add(header(letter), "unknown_language", { language, known: LOCALES.join(" ") });
    else usedPrefixes.add(prefix);
  }
  let next = table.nextColumn;
  const missing = (column: string) => {
    findings.add(header(next), "missing_column", { column });
    next = nextLetter(next);
  };
  for (const name of spec.required)
    if (spec.localized.includes(name)) usedPrefixes.add(name);
    else if (!table.columns.has(name)) missing(name);
  for (const prefix of spec.localized)
    if (usedPrefixes.has(prefix))
      for (const locale of locales)
        if (!table.columns.has(`${prefix}::${locale}`)) missing(`${prefix}::${locale}`);
}

function nextLetter(column: string): string {
  let n = 0;
  for (const ch of column) n = n * 26 + (ch.charCodeAt(0) - 64);
  let out = "";
  for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
