import type { z } from "zod";

/** One problem found in an input, with where it is: "questions.3.label", "answers.q_area". */
export interface Problem {
  path: string;
  message: string;
}

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join("; ");
}
