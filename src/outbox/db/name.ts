/**
 * The outbox database's name, in a module that imports nothing: the page asks whether the database
 * exists (app/device/outbox.ts) without loading the outbox, idb and the schemas on a cold visit.
 */
export const DEFAULT_DB_NAME = "tsunagu";
