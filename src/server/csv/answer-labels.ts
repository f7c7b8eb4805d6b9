import type { SurveyDefinition } from "../../domain/definition";
import { type Locale, localize, localizeShort } from "../../domain/locales";
import type { Answer } from "../../domain/response";

/**
 * A question's column of responses.csv and, for a choice question asked `?labels=`, the column
 * beside it: headed with the question's short label, holding the chosen options' labels.
 */
export interface QuestionColumn {
  id: string;
  /** The label column's heading; absent where there is none (ids alone, or not a choice question). */
  heading?: string;
  /** The answer's option labels, ";"-separated as the ids are. */
  labels?(answer: Answer | undefined): string | undefined;
}

/**
 * Question ids of every version, newest version's order first, so old answers keep a column. With
 * a locale, each choice question's labels come from the newest version that asks it, and an option
 * only an older version has from the newest that has it: an old answer still reads in words.
 */
export function questionColumns(
  versions: readonly SurveyDefinition[],
  locale: Locale | null = null,
): QuestionColumn[] {
  const columns: QuestionColumn[] = [];
  const seen = new Set<string>();
  for (const def of versions)
    for (const q of def.questions) {
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      if (locale === null || (q.kind !== "single" && q.kind !== "multiple")) {
        columns.push({ id: q.id });
        continue;
      }
      const optionLabel = (id: string) => {
        for (const older of versions) {
          const asked = older.questions.find((x) => x.id === q.id);
          const option = asked && "options" in asked ? asked.options.find((o) => o.id === id) : undefined;
          if (option) return localize(option.label, locale);
        }
        return id;
      };
      columns.push({
        id: q.id,
        heading: localizeShort(q, locale),
        labels: (answer) =>
          answer === undefined ? undefined : [answer].flat().map(String).map(optionLabel).join(";"),
      });
    }
  return columns;
}
