/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import { openOutbox } from "./outbox";
import { BACKGROUND_SYNC_TAG, backgroundSyncPass } from "./sync";

/**
 * Thin on purpose: it wires events to the precache, the survey definitions' cache and the same sync
 * pass the page runs. It registers no route for /api/, so those requests always go to the network
 * and are never cached.
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

// Every page of the app is index.html: /s/…, /dashboard and /settings open offline too. The
// published results (/results/…) are the collector's own server-rendered pages, never the app's.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//, /^\/results\//] }),
);

// Survey definitions are published at run time (the collector's stored versions), so they are not
// precached with the app: a precached file stays the built version until the next build.
// /surveys/index.json, /surveys/<id>.json and /surveys/<id>.<locale>.json (src/contract/paths.ts)
// come from the network first, so a device gets a newly published version on its next visit, and
// from this cache when the network fails or is slower than DEFINITIONS_TIMEOUT_S.
const DEFINITIONS_CACHE = "survey-definitions";
const DEFINITIONS_TIMEOUT_S = 3;
const INDEX_PATH = "/surveys/index.json";
const DEFINITION_PATH = /^\/surveys\/([a-z0-9][a-z0-9-]{0,63})(?:\.[A-Za-z-]+)?\.json$/;
const wholePath = (id: string) => `/surveys/${id}.json`;

/**
 * The index and, for each survey it names, the whole definition and the definition in each of its
 * languages (the shapes src/build/survey-assets.ts writes), fetched and stored together. At install,
 * so the first visit's survey opens offline though that page fetched it before this worker
 * controlled it, in any of its languages, as the precache did; and again whenever the network
 * brings a file that differs from the cached one (a new version), so the cache never holds two
 * versions of one survey (the whole file of one beside the page's language of the other). What
 * cannot be had now is left: the route caches it when a page fetches it.
 */
async function cacheDefinitions(): Promise<void> {
  const index = await fetch(INDEX_PATH);
  if (!index.ok) return;
  const surveys = (await index.clone().json()) as { id?: unknown; locales?: unknown }[];
  const paths = surveys.flatMap(({ id, locales }) =>
    typeof id === "string"
      ? [
          wholePath(id),
          ...(Array.isArray(locales) ? locales : []).map((l) => `/surveys/${id}.${String(l)}.json`),
        ]
      : [],
  );
  const fetched = await Promise.all(
    paths.map(async (path) => [path, await fetch(path).catch(() => undefined)] as const),
  );
  const cache = await caches.open(DEFINITIONS_CACHE);
  await cache.put(INDEX_PATH, index);
  await Promise.all(fetched.map(([path, res]) => (res?.ok ? cache.put(path, res) : undefined)));
}

let refreshing: Promise<void> | undefined;
/** cacheDefinitions, once at a time; never fails (the pages' own fetches still fill the cache). */
function refreshDefinitions(): Promise<void> {
  refreshing ??= cacheDefinitions()
    .catch(() => undefined)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

self.addEventListener("install", (event) => event.waitUntil(refreshDefinitions()));

registerRoute(
  ({ url }) => url.origin === self.location.origin && DEFINITION_PATH.test(url.pathname),
  new NetworkFirst({
    cacheName: DEFINITIONS_CACHE,
    networkTimeoutSeconds: DEFINITIONS_TIMEOUT_S,
    plugins: [
      {
        // The collector's ETag is the content's hash: another one means another version.
        cacheDidUpdate: async ({ oldResponse, newResponse }) => {
          const before = oldResponse?.headers.get("ETag");
          const now = newResponse.headers.get("ETag");
          if (before && now && before !== now) await refreshDefinitions();
        },
        // A language never cached (its file could not be had at install): the whole definition
        // carries every language's texts, which the form reads as well.
        handlerDidError: async ({ request }) => {
          const id = DEFINITION_PATH.exec(new URL(request.url).pathname)?.[1];
          return id ? await caches.match(wholePath(id), { cacheName: DEFINITIONS_CACHE }) : undefined;
        },
      },
    ],
  }),
);

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
