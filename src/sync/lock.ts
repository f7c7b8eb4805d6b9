export const SYNC_LOCK = "tsunagu-sync";

/** The part of the Web Locks API used here, so tests can pass their own. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>;
}

export function defaultLocks(): LockManagerLike | undefined {
  return (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
}

/**
 * Runs `work` unless another tab or the service worker holds the sync lock, in which case it gives
 * `busy` at once: that runner drains the same outbox, and waiting would only queue duplicate work.
 */
export async function withSyncLock<T, B>(
  locks: LockManagerLike | null | undefined,
  work: () => Promise<T>,
  busy: () => B,
): Promise<T | B> {
  if (!locks) return work();
  return locks.request<T | B>(SYNC_LOCK, { ifAvailable: true }, (lock) => (lock ? work() : busy()));
}
