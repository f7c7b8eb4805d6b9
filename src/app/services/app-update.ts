import { createStore } from "./store";

/** Set when a new service worker waits; calling it activates the new version and reloads once. */
export const pendingUpdate = createStore<(() => void) | undefined>(undefined);

/**
 * Registers /sw.js (production builds only: the dev server has no service worker). A waiting new
 * version is only offered: the page never reloads by itself, so no answer in progress is lost.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const { Workbox } = await import("workbox-window");
  const wb = new Workbox("/sw.js");
  wb.addEventListener("waiting", () => {
    pendingUpdate.set(() => {
      wb.addEventListener("controlling", () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  await wb.register();
}
