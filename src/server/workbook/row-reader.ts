import type { LocalizedText } from "../../domain/locale";
import type { Locale } from "../../domain/locales";
import type { DefinitionPath, Findings } from "./findings";
import type { CellRef } from "./problems";
import { type CellValue, cellOf, type Table, type TableRow } from "./sheet-table";

const YES = new Set(["yes", "true", "true()", "1"]);
const NO = new Set(["no", "false", "false()", "0"]);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** One row's cells as the values a definition holds, each bad one reported at its cell. */
export class RowReader {
  constructor(
    readonly table: Table,
    readonly source: TableRow,
    readonly findings: Findings,
  ) {}

  get row(): number {
    return this.source.row;
  }

  cell(header: string): CellRef {
    return cellOf(this.table, this.source.row, header);
  }

  has(header: string): boolean {
    return this.source.values.has(header);
  }

  raw(header: string): CellValue | undefined {
    return this.source.values.get(header);
  }

  text(header: string): string | undefined {
    const value = this.raw(header);
    return value === undefined ? undefined : String(value);
  }

  /** A text the row must have: a missing one is reported (once per cell) and covers `covers`. */
  required(header: string, covers?: DefinitionPath): string | undefined {
    const value = this.text(header);
    // A missing column is reported once, for the sheet, not again in every row.
    if (value === undefined && !this.table.columns.has(header)) this.findings.cover(covers ?? ["unread"]);
    else if (value === undefined)
      this.findings.add(this.cell(header), "missing_value", { column: header }, covers);
    return value;
  }

  number(header: string, rule: { integer?: boolean; min?: number; max?: number } = {}): number | undefined {
    const value = this.raw(header);
    if (value === undefined) return undefined;
    const n =
      typeof value === "number"
        ? value
        : typeof value === "string" && NUMBER.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isFinite(n)) {
      this.findings.add(this.cell(header), "not_a_number", { value: String(value) });
      return undefined;
    }
    if (rule.integer && !Number.isInteger(n)) {
      this.findings.add(this.cell(header), "not_an_integer", { value: n });
      return undefined;
    }
    if ((rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
      const range = { column: header, value: n, min: rule.min ?? "-∞", max: rule.max ?? "∞" };
      this.findings.add(this.cell(header), "out_of_range", range);
      return undefined;
    }
    return n;
  }

  yesNo(header: string): boolean {
    const value = this.raw(header);
    if (value === undefined || typeof value === "boolean") return value === true;
    const word = String(value).toLowerCase();
    if (YES.has(word)) return true;
    if (!NO.has(word)) this.findings.add(this.cell(header), "not_yes_no", { value: String(value) });
    return false;
  }

  /** Names separated by spaces or commas, as XLSForm writes a select_multiple's default. */
  names(header: string): string[] {
    return (this.text(header) ?? "").split(/[\s,、]+/).filter((name) => name !== "");
  }

  /**
   * `prefix::LOCALE` cells as a text. A required text (label) needs every declared language; an
   * optional one (hint, unit) needs them all once it has any. A missing language is reported at its
   * own cell; when its column is missing altogether, checkColumns has said so once for the sheet.
   */
  localized(
    prefix: string,
    locales: readonly Locale[],
    path: DefinitionPath,
    required: boolean,
  ): LocalizedText | undefined {
    const text: Partial<Record<string, string>> = {};
    for (const [header, value] of this.source.values) {
      const [p, locale] = header.split("::");
      if (p === prefix && locale !== undefined) text[locale] = String(value);
    }
    this.findings.place(path, this.cell(`${prefix}::ja`));
    for (const locale of locales) this.findings.place([...path, locale], this.cell(`${prefix}::${locale}`));
    if (!required && Object.keys(text).length === 0) return undefined;
    let complete = true;
    for (const locale of locales) {
      if (text[locale] !== undefined) continue;
      complete = false;
      const column = `${prefix}::${locale}`;
      if (this.table.columns.has(column))
        this.findings.add(this.cell(column), "missing_translation", { locale, column });
    }
    if (!complete) this.findings.cover(path);
    return text as LocalizedText;
  }
}
