import type { Option } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import type { Findings } from "./findings";
import { NAME } from "./names";
import { RowReader } from "./row-reader";
import type { Table } from "./sheet-table";

export interface Choice {
  option: Option;
  exclusive: boolean;
  row: number;
  /** A problem was reported on this row: the schema's findings on it would only repeat it. */
  flawed: boolean;
}

export interface ChoiceList {
  name: string;
  choices: Choice[];
}

/** The choices sheet as lists by list_name, in the order of their rows. */
export function readChoiceLists(
  table: Table,
  locales: Locale[],
  findings: Findings,
): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  const firstRows = new Map<string, number>();
  for (const source of table.rows) {
    const before = findings.problems.length;
    const row = new RowReader(table, source, findings);
    const listName = row.required("list_name");
    const name = row.required("name");
    const label = row.localized("label", locales, ["choices", source.row], true);
    const exclusive = row.yesNo("exclusive");
    if (name !== undefined && !NAME.test(name)) findings.add(row.cell("name"), "invalid_name", { name });
    if (listName === undefined || name === undefined) continue;
    const key = `${listName}\u0000${name}`;
    const firstRow = firstRows.get(key);
    if (firstRow !== undefined) {
      findings.add(row.cell("name"), "duplicate_name", { name, firstRow });
      continue;
    }
    firstRows.set(key, source.row);
    const list = lists.get(listName) ?? { name: listName, choices: [] };
    lists.set(listName, list);
    list.choices.push({
      option: { id: name, label: label ?? { ja: "" } },
      exclusive,
      row: source.row,
      flawed: findings.problems.length > before || locales.some((l) => label?.[l] === undefined),
    });
  }
  return lists;
}
