import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe } from "vitest";
import { freshPgSchema } from "../../harness/pg-schema";
import { createApp } from "../../src/server/app";
import { openPublishedSurveys } from "../../src/server/published-surveys";
import {
  type BackupStorage,
  openBackupStorage,
  openStorage,
  type Storage,
  type StorageConfig,
} from "../../src/server/storage";
import { addAccount } from "./account-support";
import { FIXTURES, ingestAsStaff, makeResponse, organizer, postJson, SURVEY, TOKEN } from "./support";

/**
 * A collector's database addressed as the CLI addresses it (DATA_DIR, or DATABASE_URL with its own
 * PostgreSQL schema), so a test can open it twice: the collector's Storage, and backup's own
 * connection beside it, as `npm run backup` does while the collector runs.
 */
export interface Place {
  kind: "sqlite" | "postgres";
  config: StorageConfig;
  /** Environment for a CLI child process on this database. */
  env: Record<string, string>;
  storage(): Storage;
  backup(): BackupStorage;
  dispose(): Promise<void>;
}

export interface PlaceKind {
  name: "sqlite" | "postgres";
  unavailable?: string;
  create(): Promise<Place>;
}

/**
 * For a test file: makes places of a kind, each disposed after the test that made it. Called at the
 * file's top level, where it registers its afterEach.
 */
export function placesDisposedAfterEach(): (kind: PlaceKind) => Promise<Place> {
  let made: Place[] = [];
  afterEach(async () => {
    for (const place of made) await place.dispose();
    made = [];
  });
  return async (kind) => {
    const place = await kind.create();
    made.push(place);
    return place;
  };
}

const DATABASE_URL = process.env.DATABASE_URL;

async function sqlitePlace(): Promise<Place> {
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-backup-"));
  const config = { dataDir: join(dir, "data") };
  mkdirSync(config.dataDir);
  return withOpeners("sqlite", config, { DATA_DIR: config.dataDir, DATABASE_URL: "" }, async () =>
    rmSync(dir, { recursive: true, force: true }),
  );
}

async function postgresPlace(): Promise<Place> {
  const schema = await freshPgSchema(DATABASE_URL as string, "backup");
  const dataDir = mkdtempSync(join(tmpdir(), "tsunagu-backup-pg-"));
  const config = { dataDir, databaseUrl: schema.url };
  return withOpeners("postgres", config, { DATA_DIR: dataDir, DATABASE_URL: schema.url }, async () => {
    await schema.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

function withOpeners(
  kind: Place["kind"],
  config: StorageConfig,
  env: Record<string, string>,
  drop: () => Promise<void>,
): Place {
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(it: T): T => {
    opened.push(it);
    return it;
  };
  return {
    kind,
    config,
    env,
    storage: () => track(openStorage(config)),
    backup: () => track(openBackupStorage(config)),
    dispose: async () => {
      // Closing twice is harmless for both dialects; a test may have closed one already.
      for (const it of opened) await it.close().catch(() => {});
      await drop();
    },
  };
}

export const PLACES: PlaceKind[] = [
  { name: "sqlite", create: sqlitePlace },
  {
    name: "postgres",
    ...(!DATABASE_URL && { unavailable: "DATABASE_URL is unset" }),
    create: postgresPlace,
  },
];

/** One describe per storage, as describeEachStorage (support.ts), over places the CLI can address. */
export function describeEachPlace(title: string, body: (kind: PlaceKind) => void): void {
  describe.each(PLACES)(`${title} on $name`, (kind) => {
    describe.skipIf(kind.unavailable !== undefined)(kind.unavailable ?? "available", () => body(kind));
  });
}

/**
 * Every row of every collector table, each as JSON with its columns in name order, sorted: two
 * databases hold the same data exactly when their dumps are equal, whatever their dialects.
 */
export async function dumpAll(storage: BackupStorage): Promise<Record<string, string[]>> {
  return storage.withSnapshot(async (snapshot) => {
    const dump: Record<string, string[]> = {};
    for (const table of snapshot.tables) {
      const rows: string[] = [];
      for await (const page of snapshot.pagesOf(table))
        for (const values of page) rows.push(rowJson(table.columns, values));
      dump[table.name] = rows.sort();
    }
    return dump;
  });
}

export function rowJson(columns: readonly string[], values: readonly unknown[]): string {
  const byName = columns.map((c, i) => [c, values[i]] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(Object.fromEntries(byName));
}

/**
 * A collector with a row in every table, through the collector's own routes where it has them:
 * responses (counted, held for a burst, excluded by review; Japanese text, numbers, multiple
 * choice), events, devices (one revoked), population, an account, a session, the sign-in throttle
 * (fractional milliseconds), intake counts and salts, published versions and the audit log.
 */
export async function fillCollector(storage: Storage): Promise<{ responses: number }> {
  await storage.migrate();
  const { surveys } = await openPublishedSurveys(storage, [join(FIXTURES, "surveys")]);
  const app = createApp({
    storage,
    surveys,
    organizerToken: TOKEN,
    log: () => {},
    clientAddress: () => "203.0.113.7",
    intakeLimits: { addressCounted: 5, addressStored: 1000, deviceCounted: 1000, deviceStored: 1000 },
  });
  const post = async (path: string, body: unknown, headers: Record<string, string> = organizer) => {
    const res = await app.request(path, postJson(body, headers));
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const event = await post("/api/v1/events", {
    surveyId: SURVEY,
    name: "防災訓練",
    place: "北小学校",
    date: "2026-09-01",
  });
  const device = (await post(`/api/v1/events/${event.id}/devices`, { label: "タブレット1" })) as {
    device: { id: string };
  };
  const revoked = (await post(`/api/v1/events/${event.id}/devices`, { label: "予備" })) as {
    device: { id: string };
  };
  await post(`/api/v1/devices/${revoked.device.id}/revoke`, {});

  const responses = Array.from({ length: 12 }, (_, i) =>
    makeResponse({
      answers: {
        q_prepared: i % 3 === 0 ? "no" : "yes",
        ...(i % 3 !== 0 && { q_measures: i % 2 ? ["water", "food"] : ["radio"] }),
        q_area: i % 2 ? "north" : "south",
        q_household: 1 + (i % 5),
        q_comment: `備え ${i} 🍙 "quoted" \\ back\nslash`,
      },
    }),
  );
  // Over the address's 5 counted an hour: the rest are stored held (reason burst).
  const { results } = (await post("/api/v1/responses", { responses }, {})) as {
    results: { status: string }[];
  };
  if (results.some((r) => r.status !== "accepted"))
    throw new Error(`not all accepted: ${JSON.stringify(results)}`);
  const kiosk = makeResponse({ mode: "kiosk", eventId: String(event.id), deviceId: device.device.id });
  await ingestAsStaff(storage, surveys, [kiosk]);
  // A paper form keyed once, sent with the organizer token as a clerk's would be with a session.
  await post("/api/v1/responses", { responses: [makeResponse({ mode: "paper", paperForm: "0001" })] });
  await post(`/api/v1/surveys/${SURVEY}/reviews`, {
    ids: [responses[0]?.id],
    state: "excluded",
    reason: "test entry",
  });
  await storage.replacePopulation(SURVEY, 2026, {
    dimensions: ["q_area"],
    cells: new Map([
      ["north", 12345],
      ["south", 6789],
    ]),
    uploadedAt: "2026-06-01T00:00:00.000Z",
  });
  const account = await addAccount(storage, "analyst-1", "analyst", [SURVEY]);
  await storage.insertSession({
    idHash: "a".repeat(64),
    createdAt: "2026-06-01T00:00:00.000Z",
    expiresAt: "2026-06-01T08:00:00.000Z",
    tokenMac: "",
    accountId: account.id,
  });
  // A row in each of the account tables (issue 22): an API token, an invitation, a passkey, a challenge.
  await storage.insertApiToken({
    id: "tok-1",
    accountId: account.id,
    name: "集計スクリプト",
    tokenHash: "b".repeat(64),
    createdAt: "2026-06-01T00:00:00.000Z",
    expiresAt: null,
    lastUsedAt: "2026-06-02T00:00:00.000Z",
    revokedAt: null,
  });
  await storage.insertInvitation({
    id: "inv-1",
    tokenHash: "c".repeat(64),
    role: "data_entry",
    surveys: [SURVEY],
    login: "sato",
    displayName: "佐藤",
    createdBy: account.id,
    createdAt: "2026-06-01T00:00:00.000Z",
    expiresAt: "2026-06-08T00:00:00.000Z",
    usedAt: null,
    accountId: null,
    revokedAt: null,
  });
  await storage.insertPasskey({
    id: "cred-1",
    accountId: account.id,
    name: "事務所のPC",
    publicKey: "pQECAyYgASFYIA",
    counter: 7,
    transports: ["internal"],
    createdAt: "2026-06-01T00:00:00.000Z",
    lastUsedAt: null,
  });
  await storage.insertChallenge(
    { challenge: "chal-1", purpose: "sign_in", accountId: null, expiresAt: "2099-01-01T00:00:00.000Z" },
    "2026-06-01T00:00:00.000Z",
  );
  // A mailing of three letters (issue 21), one code used by a response sent with it.
  const batch = await post(`/api/v1/surveys/${SURVEY}/invitations`, {
    wave: 2025,
    count: 3,
    stratum: "north",
  });
  const csv = await app.request(`/api/v1/surveys/${SURVEY}/invitations/${batch.batchId}.csv`, {
    headers: organizer,
  });
  const code = (await csv.text()).split("\r\n")[1]?.split(",")[0]?.replaceAll("-", "") ?? "";
  await post("/api/v1/responses", { responses: [{ ...makeResponse(), invitation: code }] }, {});
  // A published results snapshot (issue 23), kept as the JSON text it was published as.
  await storage.insertPublication(
    { surveyId: SURVEY, wave: 2025, publishedAt: "2026-06-01T00:00:00.000Z", publishedBy: "admin" },
    (publication) => JSON.stringify({ publication, indicators: [], note: "公開 ✓" }),
  );
  await storage.putSignInFailures("account:x", {
    count: 3,
    lastAt: 1_765_000_000_123.25,
    blockedUntil: 0.1 + 0.2,
  });
  return { responses: responses.length + 3 };
}
