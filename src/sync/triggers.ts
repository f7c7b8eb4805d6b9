import { SETTINGS_CHANNEL } from "./settings";

/** Tag the service worker listens for in its "sync" event. */
export const BACKGROUND_SYNC_TAG = "tsunagu-sync";

interface Listenable {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

// Typed by hand: this module is also compiled for the service worker, where window and document
// do not exist as names, and it is imported in tests under Node.
const scope = globalThis as unknown as {
  window?: Listenable;
  document?: Listenable & { visibilityState?: string };
  navigator?: {
    serviceWorker?: { ready?: Promise<{ sync?: { register(tag: string): Promise<void> } }> };
  };
};

export function isPageVisible(): boolean {
  return scope.document?.visibilityState !== "hidden";
}

/**
 * Calls `run` when the device comes online, the page becomes visible, or the sync settings change
 * in any tab. Returns the function that detaches them all.
 */
export function attachTriggers(run: () => void): () => void {
  const detach: (() => void)[] = [];
  const listen = (target: Listenable | undefined, type: string, listener: () => void) => {
    if (!target) return;
    target.addEventListener(type, listener);
    detach.push(() => target.removeEventListener(type, listener));
  };
  listen(scope.window, "online", run);
  listen(scope.document, "visibilitychange", () => {
    if (isPageVisible()) run();
  });
  if (typeof BroadcastChannel !== "undefined") {
    const channel = new BroadcastChannel(SETTINGS_CHANNEL);
    channel.onmessage = () => run();
    detach.push(() => channel.close());
  }
  return () => {
    for (const undo of detach.splice(0)) undo();
  };
}

/** Asks the browser to wake the service worker when the network returns, where Background Sync exists. */
export function requestBackgroundSync(): void {
  scope.navigator?.serviceWorker?.ready
    ?.then((registration) => registration.sync?.register(BACKGROUND_SYNC_TAG))
    .catch(() => {
      // Not supported or not permitted: the page's own triggers still cover it.
    });
}
