/**
 * A problem found in an uploaded workbook: where it is (as Excel shows it: the sheet's tab, a 1-based
 * row, a column letter), a stable code and its parameters so the dashboard can word it in the
 * admin's language, and the English wording for scripts and logs. Problems about the file as a whole
 * (not an .xlsx, too big, a zip bomb) have no sheet; a missing sheet has no row or column.
 */
export interface WorkbookProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  code: ProblemCode;
  params: ProblemParams;
  message: string;
}

export type ProblemParams = Record<string, string | number>;

/** English wordings; `{name}` is replaced by the parameter of that name. */
const MESSAGES = {
  not_xlsx: "this is not an .xlsx workbook ({reason})",
  too_big: "the file is {bytes} bytes; at most {limit} are accepted",
  too_many_entries: "the file holds {count} parts; an .xlsx workbook needs far fewer (at most {limit})",
  zip_bomb: "the file unpacks to more than {limit} bytes: not a survey workbook",
  missing_sheet: 'the workbook has no sheet named "{sheet}"',
  missing_column: 'the column "{column}" is missing (its name goes in row 1)',
  unknown_column: 'unknown column "{column}"',
  unknown_language: 'unknown language "{language}" (the languages are {known})',
  formula: "a formula ({formula}): write the value itself",
  missing_value: "{column} is needed here",
  unknown_type:
    'unknown type "{type}" (the types are select_one LIST, select_multiple LIST, integer, decimal, text)',
  unsupported_type: 'the type "{type}" is not supported by Tsunagu yet',
  unknown_list: 'no choice list named "{list}" on the choices sheet',
  too_few_choices: 'the choice list "{list}" has {count} choices; a question needs at least 2',
  duplicate_name: '"{name}" is already used in row {firstRow}',
  invalid_name: '"{name}" must be lower-case letters, digits and _ (starting with a letter)',
  invalid_survey_id: '"{name}" must be lower-case letters, digits and - ',
  not_a_number: '"{value}" is not a number',
  not_an_integer: '"{value}" is not a whole number',
  out_of_range: "{column} must be between {min} and {max}, not {value}",
  not_yes_no: '"{value}" is neither yes nor blank',
  not_a_date: '"{value}" is not a date (write it as 2026-07-01)',
  not_a_datetime: '"{value}" is not a date and time (write it as 2026-06-01T09:00:00+09:00)',
  not_for_type: "{column} does not apply to a {type} question",
  unsupported_appearance: 'appearance "{value}" is not supported (only multiline, on a text question)',
  min_above_max: "min ({min}) is above max ({max})",
  relevant_unsupported:
    // biome-ignore lint/suspicious/noTemplateCurlyInString: XLSForm's own ${name} syntax, shown to the admin
    "relevant \"{expression}\" is not understood: write ${q1} = 'yes' or selected(${q1}, 'yes'), joined by or, all on one question",
  relevant_forward: 'relevant looks at "{question}", which comes later: it must look back',
  relevant_missing_question: 'relevant looks at "{question}", which is not a question of this survey',
  relevant_not_choice: 'relevant looks at "{question}", which is not a choice question',
  unknown_option: '"{option}" is not a choice of "{question}"',
  missing_translation: "the {locale} text is missing (column {column})",
  languages_without_ja: "languages must include ja",
  indicator_question_missing: 'an indicator on "{question}", which is not a question of this survey',
  indicator_question_not_single: 'an indicator on "{question}", which is a {type} question, not select_one',
  positive_and_excluded: '"{option}" is both positive and excluded',
  target_format: 'the target "{value}" must be written as >= N or <= N (N a percent from 0 to 100)',
  closes_before_opens: "closes ({closes}) is before opens ({opens})",
  extra_settings_row: "the settings sheet has one row of values (row 2); this row would be ignored",
  invalid_value: "{detail}",
  unused_list: 'the choice list "{list}" is not used by any question',
} as const;

export type ProblemCode = keyof typeof MESSAGES;

export function problemMessage(code: ProblemCode, params: ProblemParams): string {
  return MESSAGES[code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export interface CellRef {
  sheet: string;
  row: number;
  column: string;
}

export function problemAt(
  where: CellRef | { sheet: string | null; row: null; column: null },
  code: ProblemCode,
  params: ProblemParams = {},
): WorkbookProblem {
  return { ...where, code, params, message: problemMessage(code, params) };
}

export function fileProblem(code: ProblemCode, params: ProblemParams = {}): WorkbookProblem {
  return problemAt({ sheet: null, row: null, column: null }, code, params);
}

/** How a problem reads in a terminal: `survey!C7: …`. */
export function formatProblem(p: WorkbookProblem): string {
  const where = p.sheet === null ? "file" : p.row === null ? p.sheet : `${p.sheet}!${p.column}${p.row}`;
  return `${where}: ${p.message}`;
}
