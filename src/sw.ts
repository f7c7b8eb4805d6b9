/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { openOutbox } from "./outbox";
import { BACKGROUND_SYNC_TAG, backgroundSyncPass } from "./sync";

/**
 * Thin on purpose: it wires events to the precache and to the same sync pass the page runs. It
 * registers no route for /api/, so those requests always go to the network and are never cached.
 */
declare const self: ServiceWorkerGlobalScope;

/** Background Sync is not in TypeScript's webworker library. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

precacheAndRoute(self.__WB_MANIFEST);
// The first visit's page is controlled at once, so a resident who goes offline right after it can
// still reload. Updates still wait for the page's consent (SKIP_WAITING below).
clientsClaim();
cleanupOutdatedCaches();

// Every page of the app is index.html: /s/…, /dashboard and /settings open offline too.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//] }));

// Only when the page asks (its "reload" button): never in the middle of someone's answers.
self.addEventListener("message", (event) => {
  if ((event.data as { type?: unknown } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

async function backgroundSync(): Promise<void> {
  const outbox = await openOutbox();
  try {
    // Rejects when the work is left for later: the browser then fires the event again (why: background-pass.ts).
    await backgroundSyncPass(outbox);
  } finally {
    outbox.close();
  }
}

self.addEventListener("sync", (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === BACKGROUND_SYNC_TAG) sync.waitUntil(backgroundSync());
});
