import type { Outbox } from "../../outbox";
import { DEFAULT_DB_NAME } from "../../outbox/db/name";

// One per page: one IndexedDB connection serves every screen, so a version change closes one, and
// two opens would race the upgrade.
let opening: Promise<Outbox> | undefined;

/**
 * The one outbox of this page, opened on first use; a failed open is tried again next time. The
 * module (with zod/mini, which checks each response) is its own chunk, fetched when something is to
 * be written or read, so a respondent's first visit does without it until their first draft.
 */
export function getOutbox(): Promise<Outbox> {
  opening ??= import("../../outbox")
    .then((m) => m.openOutbox())
    .catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
  return opening;
}

/**
 * Whether this browser holds the outbox's database. indexedDB.databases() lists names without
 * opening anything (Chromium 71, Safari 14, Firefox 126); where it is missing or fails, the answer
 * is yes, and the caller opens the outbox as it always did.
 */
async function outboxCreated(): Promise<boolean> {
  try {
    const databases = await globalThis.indexedDB?.databases?.();
    return databases === undefined || databases.some((d) => d.name === DEFAULT_DB_NAME);
  } catch {
    return true;
  }
}

/**
 * The outbox for a read that an empty device answers with nothing (counts, the oldest pending
 * answer): undefined where the database was never created, a respondent's cold visit, so the
 * outbox's chunk and the schemas are not fetched for a read that would find nothing; the outbox
 * otherwise, opened as getOutbox does.
 */
export async function existingOutbox(): Promise<Outbox | undefined> {
  if (opening) return opening;
  return (await outboxCreated()) ? getOutbox() : undefined;
}
