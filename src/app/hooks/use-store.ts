import { useEffect, useState } from "preact/hooks";
import type { Store } from "../store";

export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    // Wrapped: a store may hold a function (the pending update's "apply"), and setState would call
    // a function as an updater: that reloaded the page the moment an update was found.
    const update = (next: T) => setValue(() => next);
    update(store.get());
    return store.subscribe(update);
  }, [store]);
  return value;
}
