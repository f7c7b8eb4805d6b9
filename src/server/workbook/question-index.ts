import type { SurveyDefinitionInput } from "../../domain/definition";

type QuestionInput = SurveyDefinitionInput["questions"][number];

/** What later rows and the indicators sheet need to know of a question read so far. */
export interface QuestionInfo {
  kind: QuestionInput["kind"];
  /** As written in the type column: select_one yes_no, integer, … */
  type: string;
  optionIds: ReadonlySet<string>;
}

export interface QuestionIndex {
  /** Questions read without a fault in their name or type, by name, in the order of the sheet. */
  read: Map<string, QuestionInfo>;
  /** Names of rows that could not be read: references to them are not faults of their own. */
  unreadable: Set<string>;
  /** The sheet has no name column: no reference to a question can be checked. */
  unnamed: boolean;
}
