import type { z } from "zod";
import { describeProblems, problemsOf } from "../domain/issues";
import { HttpProblem } from "./problems";

/** A JSON body checked by its schema: 400 invalid_body naming every field and why, with `what` it expected. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = problemsOf(parsed.error);
  throw new HttpProblem("invalid_body", `expected ${what}: ${describeProblems(problems)}`, problems);
}
