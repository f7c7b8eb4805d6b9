/**
 * Chunks the build makes by hand (vite.config.ts, output.codeSplitting), for a respondent's cold
 * visit (issue 27, tests/e2e/cold-visit-budget.e2e.ts). Left to the bundler, modules shared by the
 * app's entry and a later screen, or by the outbox and the sync engine, came out as chunks of a few
 * hundred bytes each: every one a request, an import line and gzip's own overhead on slow mobile
 * data, on every visit.
 */

/** The page's own state modules, which later screens share with the entry. */
const APP_STATE =
  /\/src\/(?:app\/(?:store\.ts|device\/(?:outbox|sync)\.ts|hooks\/use-one-at-a-time\.ts)|outbox\/db\/name\.ts)$/;

/**
 * The schemas the device checks with, with zod/mini itself: the outbox, the collector's clients and
 * the sync engine each load some of them, and never without zod.
 */
const SCHEMAS =
  /\/(?:node_modules\/zod\/|src\/domain\/(?:zod-config|issues|definition|locale|response|canonical-json)\.ts$|src\/contract\/(?:errors|responses)\.ts$)/;

/** The sync engine and what only it runs: loaded together when there is something to send. */
// Not the receipts check, which the settings screen loads with its own schemas.
const SYNC_ENGINE = /\/src\/(?:sync\/(?!receipts\.ts$)|app\/device\/sync-chunk\.ts$)/;

// Each group holds the modules it names and no more: with their imports (the bundler's default),
// Preact and the outbox came along, and the entry then imported the whole group at once.
export const RESPONDENT_CHUNKS = [
  { name: "app-state", test: APP_STATE, priority: 3, includeDependenciesRecursively: false },
  { name: "schemas", test: SCHEMAS, priority: 2, includeDependenciesRecursively: false },
  { name: "sync-engine", test: SYNC_ENGINE, priority: 1, includeDependenciesRecursively: false },
];
