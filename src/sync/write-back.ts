/**
 * The results of one batch written back to the outbox while the next batch is on the wire: at most
 * one write at a time, so the outbox sees the batches' results in the order they were answered and
 * a pass never has more unwritten results than one batch's.
 */
export interface WriteBackSlot {
  /** Waits for the write before (and throws its error), then starts `write` without waiting for it. */
  start(write: () => Promise<void>): Promise<void>;
  /** Resolves once the last write started has finished; rejects with its error. */
  settled(): Promise<void>;
}

export function writeBackSlot(): WriteBackSlot {
  let outstanding: Promise<void> = Promise.resolve();
  return {
    async start(write) {
      await outstanding;
      outstanding = write();
      // Its error is thrown by the next start() or settled(); until then it is not "unhandled".
      outstanding.catch(() => {});
    },
    settled: () => outstanding,
  };
}

/** A read started ahead of its use: a failure is thrown where it is awaited, and only there. */
export function ahead<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
