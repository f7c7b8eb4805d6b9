import type { Outbox } from "../../outbox";

// One per page: one IndexedDB connection serves every screen, so a version change closes one, and
// two opens would race the upgrade.
let opening: Promise<Outbox> | undefined;

/**
 * The one outbox of this page, opened on first use; a failed open is tried again next time. The
 * module (with zod, which checks each response) is its own chunk, fetched after the first paint so
 * the form shows as soon as possible on a slow connection.
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
