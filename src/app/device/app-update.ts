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

const serviceWorkers = () => import.meta.env.PROD && "serviceWorker" in navigator;

/** Calls `then` once `worker` is in `state` (installed, activated): at once if it is already. */
function whenState(worker: ServiceWorker, state: ServiceWorkerState, then: () => void): void {
  if (worker.state === state) {
    then();
    return;
  }
  const changed = () => {
    if (worker.state !== state) return;
    worker.removeEventListener("statechange", changed);
    then();
  };
  worker.addEventListener("statechange", changed);
}

/**
 * Registers /sw.js (production builds only: the dev server has no service worker). A waiting new
 * version is only offered: the page never reloads by itself, so no answer in progress is lost.
 *
 * On a cold visit (no worker controls the page) workbox-window, 2.2 KB gzip of a respondent's 50 KB
 * (issue 27), is not fetched: the browser registers the worker itself, which is all a first install
 * needs, and the page says "ready offline" when it is active. workbox-window comes when there is an
 * update to offer (a new worker installed beside the active one: its register() then reports it as
 * waiting) or once the first answer is saved (watchForUpdates, from submit-response.ts), to look
 * for new versions from then on.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!serviceWorkers()) return;
  if (navigator.serviceWorker.controller) return watchForUpdates();
  const registration = await navigator.serviceWorker.register("/sw.js");
  const first = registration.active ? undefined : registration.installing;
  if (first) whenState(first, "activated", () => offlineReady.set(true));
  registration.addEventListener("updatefound", () => {
    const next = registration.installing;
    if (next && next !== first) whenState(next, "installed", () => void watchForUpdates());
  });
}

let watching: Promise<void> | undefined;

/** workbox-window, once per page: the update prompt's "waiting" and the checks for a new version. */
export function watchForUpdates(): Promise<void> {
  if (!serviceWorkers()) return Promise.resolve();
  watching ??= (async () => {
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
  })().catch((error: unknown) => {
    watching = undefined;
    throw error;
  });
  return watching;
}
