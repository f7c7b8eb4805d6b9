import { z } from "zod/mini";
import { describeProblems, problemsOf } from "../domain/issues";

export class OutboxValidationError extends Error {
  override name = "OutboxValidationError";
}

/** The same id was queued before with other content: the first one is kept, this one is not stored. */
export class OutboxConflictError extends Error {
  override name = "OutboxConflictError";
}

/** `value` as `schema` reads it, or an OutboxValidationError that says what is wrong with it. */
export function checked<S extends z.core.$ZodType>(schema: S, value: unknown): z.core.output<S> {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new OutboxValidationError(describeProblems(problemsOf(parsed.error)));
  return parsed.data;
}
