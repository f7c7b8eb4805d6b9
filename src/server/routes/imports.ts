import { Hono } from "hono";
import { BackupError } from "../../contract/backup";
import { MAX_IMPORT_BYTES } from "../../contract/imports";
import { recordAudit } from "../audit/record";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readTextLimited } from "../http/read-body";
import { importBackup } from "../imports/import-backup";
import type { AuditStorage } from "../storage/audit-storage";
import type { ResponseStorage } from "../storage/response-storage";

/**
 * POST /imports: the body is a device-backup file as written by the app (any content type: a
 * browser labels a .json file as it likes). A file that is not a whole, unchanged backup is 422
 * with what is wrong and where, and nothing is stored.
 */
export function importRoutes(
  deps: DepsWith<
    Pick<ResponseStorage, "insertResponses"> & Pick<AuditStorage, "appendAudit">,
    "surveys" | "now" | "organizerToken"
  >,
): Hono {
  return new Hono().post("/imports", requireRole("POST /imports", deps), async (c) => {
    const text = await readTextLimited(c, MAX_IMPORT_BYTES);
    try {
      const summary = await importBackup(text, deps);
      await recordAudit(c, deps, "backup_imported", null, {
        accepted: summary.accepted,
        duplicate: summary.duplicate,
        conflict: summary.conflict,
        rejected: summary.rejected,
      });
      return c.json(summary);
    } catch (error) {
      if (error instanceof BackupError)
        throw new HttpProblem("invalid_backup", `${error.message}; nothing was imported`, error.problems);
      throw error;
    }
  });
}
