import type { Condition } from "../../domain/definition";

// One alternative: ${q} = 'opt' (either quote, either side) or selected(${q}, 'opt').
const EQUALS = /^\$\{\s*([^}\s]+)\s*\}\s*=\s*(['"])([^'"]*)\2$/;
const EQUALS_REVERSED = /^(['"])([^'"]*)\1\s*=\s*\$\{\s*([^}\s]+)\s*\}$/;
const SELECTED = /^selected\s*\(\s*\$\{\s*([^}\s]+)\s*\}\s*,\s*(['"])([^'"]*)\2\s*\)$/;

/**
 * An XLSForm `relevant` as the domain's skip logic: the question is shown when one question was
 * answered with any of some options. XLSForm can say much more (and, not, numbers, other
 * questions); what the domain cannot hold is refused rather than approximated. Null when refused.
 */
export function parseRelevant(expression: string): Condition | null {
  const alternatives = stripParens(expression.trim()).split(/\s+or\s+/);
  let questionId: string | undefined;
  const anyOf: string[] = [];
  for (const raw of alternatives) {
    const text = stripParens(raw.trim());
    const m = EQUALS.exec(text) ?? SELECTED.exec(text);
    const r = m ? null : EQUALS_REVERSED.exec(text);
    const question = m ? m[1] : r?.[3];
    const option = m ? m[3] : r?.[2];
    if (question === undefined || option === undefined || option.trim() === "") return null;
    if (questionId !== undefined && question !== questionId) return null;
    questionId = question;
    if (!anyOf.includes(option.trim())) anyOf.push(option.trim());
  }
  return questionId === undefined ? null : { questionId, anyOf };
}

function stripParens(text: string): string {
  let t = text;
  while (t.startsWith("(") && t.endsWith(")") && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** The condition as XLSForm writes it: `=` for a single choice, selected() for a multiple one. */
export function formatRelevant(condition: Condition, sourceKind: "single" | "multiple"): string {
  return condition.anyOf
    .map((option) =>
      sourceKind === "multiple"
        ? `selected(\${${condition.questionId}}, '${option}')`
        : `\${${condition.questionId}} = '${option}'`,
    )
    .join(" or ");
}
