import "../domain/zod-config";
import { z } from "zod";

/**
 * Every error the collector answers has this shape; `code` is stable (PROBLEM_CODES), `message` is
 * for people, in English. A problem's `code`, where it has one (BACKUP_PROBLEM_CODES), says what
 * kind of problem it is in a form the app words in its reader's language; `path` says where.
 */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
