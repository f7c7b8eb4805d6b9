import type { Option, Question, SurveyDefinition } from "../../domain/definition";
import type { LocalizedText } from "../../domain/locale";
import { LOCALES, type Locale } from "../../domain/locales";
import type { SheetName } from "./columns";
import { formatRelevant } from "./relevant";
import { formatTarget } from "./target";

export type Cell = string | number | undefined;
export type SheetRows = Cell[][];

/**
 * A definition as the rows of its workbook, headers first: what docs/workbook.md describes and
 * what readWorkbook reads back into the same definition. Questions with the same options (ids,
 * every label, exclusive choices) share one choice list, named after the first of them.
 */
export function workbookRows(def: SurveyDefinition): Record<SheetName, SheetRows> {
  const locales = localesOf(def);
  const cols = (prefix: string) => locales.map((l) => `${prefix}::${l}`);
  const texts = (text: LocalizedText | undefined) => locales.map((l) => text?.[l]);
  const lists = choiceLists(def.questions);
  const byId = new Map(def.questions.map((q) => [q.id, q]));

  const survey: SheetRows = [
    [
      "type",
      "name",
      ...cols("label"),
      ...cols("short_label"),
      ...cols("hint"),
      "required",
      "relevant",
      "min",
      "max",
      ...cols("unit"),
      "max_length",
      "appearance",
    ],
  ];
  for (const q of def.questions) {
    const source = q.showIf ? byId.get(q.showIf.questionId) : undefined;
    const relevant =
      q.showIf && (source?.kind === "single" || source?.kind === "multiple")
        ? formatRelevant(q.showIf, source.kind)
        : undefined;
    survey.push([
      typeOf(q, lists),
      q.id,
      ...texts(q.label),
      ...texts(q.shortLabel),
      ...texts(q.help),
      q.required ? "yes" : undefined,
      relevant,
      q.kind === "number" ? q.min : undefined,
      q.kind === "number" ? q.max : undefined,
      ...texts(q.kind === "number" ? q.unit : undefined),
      q.kind === "text" ? q.maxLength : undefined,
      q.kind === "text" && q.multiline ? "multiline" : undefined,
    ]);
  }

  const choices: SheetRows = [["list_name", "name", ...cols("label"), "exclusive"]];
  for (const list of new Map([...lists.values()].map((l) => [l.name, l])).values())
    for (const option of list.options)
      choices.push([
        list.name,
        option.id,
        ...texts(option.label),
        list.exclusive.includes(option.id) ? "yes" : undefined,
      ]);

  const indicators: SheetRows = [
    ["id", "question", "positive", "exclude", "target", ...cols("label"), ...cols("short_label")],
  ];
  for (const ind of def.indicators)
    indicators.push([
      ind.id,
      ind.questionId,
      ind.positive.join(" "),
      ind.excludeFromBase.length > 0 ? ind.excludeFromBase.join(" ") : undefined,
      ind.target ? formatTarget(ind.target) : undefined,
      ...texts(ind.label),
      ...texts(ind.shortLabel),
    ]);

  const settings: SheetRows = [
    [
      "id",
      "version",
      ...cols("title"),
      ...cols("description"),
      ...cols("contact"),
      "languages",
      "min_cell",
      "opens",
      "closes",
      "published_at",
    ],
    [
      def.id,
      def.version,
      ...texts(def.title),
      ...texts(def.description),
      ...texts(def.contact),
      def.locales.join(" "),
      def.minCell,
      def.opens,
      def.closes,
      def.publishedAt,
    ],
  ];
  return { survey, choices, indicators, settings };
}

interface ChoiceList {
  name: string;
  options: Option[];
  exclusive: string[];
}

/** Each choice question's list, by question id. */
function choiceLists(questions: Question[]): Map<string, ChoiceList> {
  const byContent = new Map<string, ChoiceList>();
  const byQuestion = new Map<string, ChoiceList>();
  for (const q of questions) {
    if (q.kind !== "single" && q.kind !== "multiple") continue;
    const exclusive = q.kind === "multiple" ? q.exclusive : [];
    const key = JSON.stringify([q.options.map((o) => [o.id, LOCALES.map((l) => o.label[l])]), exclusive]);
    const list = byContent.get(key) ?? { name: q.id, options: q.options, exclusive };
    byContent.set(key, list);
    byQuestion.set(q.id, list);
  }
  return byQuestion;
}

function typeOf(q: Question, lists: Map<string, ChoiceList>): string {
  if (q.kind === "single") return `select_one ${lists.get(q.id)?.name}`;
  if (q.kind === "multiple") return `select_multiple ${lists.get(q.id)?.name}`;
  if (q.kind === "number") return q.integer ? "integer" : "decimal";
  return "text";
}

/** The declared languages first, then any other a text has (so that none is lost on the way out). */
function localesOf(def: SurveyDefinition): Locale[] {
  const found = new Set<Locale>(def.locales);
  const visit = (text: LocalizedText | undefined) => {
    for (const l of LOCALES) if (text?.[l] !== undefined) found.add(l);
  };
  visit(def.title);
  visit(def.description);
  visit(def.contact);
  for (const q of def.questions) {
    visit(q.label);
    visit(q.shortLabel);
    visit(q.help);
    if (q.kind === "number") visit(q.unit);
    if (q.kind === "single" || q.kind === "multiple") for (const o of q.options) visit(o.label);
  }
  for (const ind of def.indicators) {
    visit(ind.label);
    visit(ind.shortLabel);
  }
  return [...def.locales, ...LOCALES.filter((l) => found.has(l) && !def.locales.includes(l))];
}
