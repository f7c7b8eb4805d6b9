import "../domain/zod-config";
import { z } from "zod/mini";
import { Problem } from "../domain/issues";

/**
 * Every error the collector answers has this shape; `code` is stable (PROBLEM_CODES), `message` is
 * for people, in English. A problem's `code`, where it has one (BACKUP_PROBLEM_CODES), says what
 * kind of problem it is in a form the app words in its reader's language; `path` says where.
 */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z.optional(z.array(Problem)),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
