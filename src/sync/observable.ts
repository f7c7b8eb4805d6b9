/** A value with listeners, told of every change. A throwing listener never stops the others. */
export function observable<T>(initial: T) {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          // A failing view must not stop syncing; rethrown apart so it is still reported.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    subscribe(listener: (value: T) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
