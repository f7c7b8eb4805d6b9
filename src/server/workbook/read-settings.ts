import type { SurveyDefinitionInput } from "../../domain/definition";
import { LOCALES, type Locale } from "../../domain/locales";
import { isLocale } from "./columns";
import type { Findings } from "./findings";
import { DATETIME, isRealDate, SURVEY_ID } from "./names";
import { RowReader } from "./row-reader";
import type { Table } from "./sheet-table";

export type Settings = Pick<
  SurveyDefinitionInput,
  | "id"
  | "version"
  | "publishedAt"
  | "title"
  | "description"
  | "opens"
  | "closes"
  | "contact"
  | "locales"
  | "minCell"
>;

/** The declared languages, read before anything else: every text is checked against them. */
export function readLanguages(table: Table, findings: Findings): Locale[] {
  const first = table.rows[0];
  if (!first) return ["ja"];
  const row = new RowReader(table, first, findings);
  const locales: Locale[] = [];
  for (const tag of row.names("languages")) {
    if (!isLocale(tag))
      findings.add(row.cell("languages"), "unknown_language", { language: tag, known: LOCALES.join(" ") }, [
        "locales",
      ]);
    else if (!locales.includes(tag)) locales.push(tag);
  }
  if (row.has("languages") && !locales.includes("ja")) {
    findings.add(row.cell("languages"), "languages_without_ja", {}, ["locales"]);
    locales.unshift("ja");
  }
  return locales.length > 0 ? locales : ["ja"];
}

/** The settings sheet: one row of values (row 2) under its headers. */
export function readSettings(table: Table, locales: Locale[], findings: Findings): Settings {
  findings.place([], { sheet: table.sheet, row: 1, column: "A" });
  const [first, ...extra] = table.rows;
  for (const r of extra) findings.add({ sheet: table.sheet, row: r.row, column: "A" }, "extra_settings_row");
  const row = new RowReader(table, first ?? { row: 2, values: new Map() }, findings);
  for (const [path, header] of [
    ["id", "id"],
    ["version", "version"],
    ["locales", "languages"],
    ["minCell", "min_cell"],
    ["opens", "opens"],
    ["closes", "closes"],
    ["publishedAt", "published_at"],
  ] as const)
    findings.place([path], row.cell(header));

  const id = row.required("id", ["id"]);
  if (id !== undefined && !SURVEY_ID.test(id))
    findings.add(row.cell("id"), "invalid_survey_id", { name: id }, ["id"]);
  if (!row.has("languages"))
    findings.add(row.cell("languages"), "missing_value", { column: "languages" }, ["locales"]);
  if (!row.has("version")) row.required("version", ["version"]);
  const version = row.number("version", { integer: true, min: 1 });
  const minCell = row.number("min_cell", { integer: true, min: 1 });
  const opens = date(row, "opens");
  const closes = date(row, "closes");
  if (opens && closes && closes < opens)
    findings.add(row.cell("closes"), "closes_before_opens", { opens, closes }, ["closes"]);
  const publishedAt = row.text("published_at");
  if (publishedAt !== undefined && !DATETIME.test(publishedAt))
    findings.add(row.cell("published_at"), "not_a_datetime", { value: publishedAt }, ["publishedAt"]);

  const settings: Settings = {
    id: id ?? "",
    version: version ?? 1,
    title: row.localized("title", locales, ["title"], true) ?? { ja: "" },
    description: row.localized("description", locales, ["description"], true) ?? { ja: "" },
    locales,
  };
  const contact = row.localized("contact", locales, ["contact"], false);
  if (contact) settings.contact = contact;
  if (minCell !== undefined) settings.minCell = minCell;
  if (opens) settings.opens = opens;
  if (closes) settings.closes = closes;
  if (publishedAt !== undefined) settings.publishedAt = publishedAt;
  return settings;
}

function date(row: RowReader, header: "opens" | "closes"): string | undefined {
  const text = row.text(header);
  if (text === undefined) return undefined;
  if (isRealDate(text)) return text;
  row.findings.add(row.cell(header), "not_a_date", { value: text }, [header]);
  return undefined;
}
