import "./zod-config";
import { z } from "zod/mini";

/**
 * One problem found in an input, with where it is: "questions.3.label", "answers.q_area". `code`,
 * where there is one, says what kind of problem in a form a client can word in its reader's
 * language (problem-codes.ts); `message` says it in English.
 */
export const Problem = z.object({ path: z.string(), message: z.string(), code: z.optional(z.string()) });
export type Problem = z.infer<typeof Problem>;

export function problemsOf(error: z.core.$ZodError): Problem[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join("; ");
}
