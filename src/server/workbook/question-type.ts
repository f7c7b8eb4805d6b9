import type { ChoiceList } from "./read-choices";
import type { RowReader } from "./row-reader";

export type QuestionType =
  | { kind: "single"; list: string; written: string }
  | { kind: "multiple"; list: string; written: string }
  | { kind: "text"; written: string }
  | { kind: "number"; integer: boolean; written: string };

// XLSForm types the domain has no question for: refused by name rather than called unknown.
const NOT_SUPPORTED =
  /^(note|date|time|datetime|geopoint|geotrace|geoshape|image|audio|video|file|barcode|calculate|acknowledge|range|rank|hidden|start|end|today|deviceid|begin[ _]group|end[ _]group|begin[ _]repeat|end[ _]repeat|select_(one|multiple)_from_file\b.*)$/;

/** The type column; null (with the problem reported) when the row cannot become a question. */
export function readQuestionType(row: RowReader, lists: Map<string, ChoiceList>): QuestionType | null {
  const written = row.required("type");
  if (written === undefined) return null;
  const type = written.replace(/\s+/g, " ");
  const select = /^select[_ ](one|multiple) (\S+)$/.exec(type);
  if (select?.[1] && select[2]) {
    const list = lists.get(select[2]);
    if (!list) {
      row.findings.add(row.cell("type"), "unknown_list", { list: select[2] });
      return null;
    }
    if (list.choices.length < 2) {
      row.findings.add(row.cell("type"), "too_few_choices", { list: select[2], count: list.choices.length });
      return null;
    }
    return {
      kind: select[1] === "one" ? "single" : "multiple",
      list: select[2],
      written: type,
    } as QuestionType;
  }
  if (type === "text") return { kind: "text", written: type };
  if (type === "integer" || type === "decimal")
    return { kind: "number", integer: type === "integer", written: type };
  row.findings.add(row.cell("type"), NOT_SUPPORTED.test(type) ? "unsupported_type" : "unknown_type", {
    type,
  });
  return null;
}
