import { createStore } from "../store";

/**
 * Set when a new service worker waits; calling it activates the new version and reloads once. One
 * per page, as both stores here: the page registers its service worker once (registerServiceWorker).
 */
export const pendingUpdate = createStore<(() => void) | undefined>(undefined);

/** True once the first service worker has precached the app: it now opens with no network. */
export const offlineReady = createStore(false);

// A kiosk tablet may stay on one page all day: look for a new version when the page comes back
// into view and every hour, not only on navigation (which is when the browser looks by itself).
const UPDATE_CHECK_MS = 60 * 60_000;

/**
 * Registers /sw.js (production builds only: the dev server has no service worker). A waiting new
 * version is only offered: the page never reloads by itself, so no answer in progress is lost.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const { Workbox } = await import("workbox-window");
  const wb = new Workbox("/sw.js");
  wb.addEventListener("activated", (event) => {
    // The first install only: an update is announced by the prompt instead.
    if (!event.isUpdate) offlineReady.set(true);
  });
  wb.addEventListener("waiting", () => {
    pendingUpdate.set(() => {
      wb.addEventListener("controlling", () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  await wb.register();
  const check = () => void wb.update().catch(() => undefined);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") check();
  });
  setInterval(check, UPDATE_CHECK_MS);
}
