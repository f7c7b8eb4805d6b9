import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { describe } from "vitest";
import type { ItemResult } from "../../src/contract/responses";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import { createApp } from "../../src/server/app";
import { ingestBatch } from "../../src/server/responses/ingest";
import {
  createKyselyStorage,
  type Database,
  openPostgres,
  openSqlite,
  type Storage,
} from "../../src/server/storage";
import { loadSurveyRegistry, type SurveyRegistry } from "../../src/server/surveys";

export const FIXTURES = join(import.meta.dirname, "fixtures");
export const TOKEN = "test-organizer-token";
export const SURVEY = "ward-test";

export function fixtureSurveys(): SurveyRegistry {
  return loadSurveyRegistry([join(FIXTURES, "surveys")]);
}

export interface OpenedStorage {
  storage: Storage;
  /** The same database below the storage: for migration tests that stop half-way. */
  db: Kysely<Database>;
  dispose(): Promise<void>;
}

export interface StorageVariant {
  name: "sqlite" | "postgres";
  /** Why the variant cannot run here, or undefined when it can. */
  unavailable?: string;
  /** A fresh, empty, unmigrated database of its own. */
  open(): Promise<OpenedStorage>;
}

const DATABASE_URL = process.env.DATABASE_URL;

async function openSqliteVariant(): Promise<OpenedStorage> {
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-server-"));
  const db = openSqlite(join(dir, "tsunagu.sqlite"));
  const storage = createKyselyStorage(db, "sqlite");
  return {
    storage,
    db,
    dispose: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A schema of its own on the shared server (search_path), dropped afterwards. */
async function openPostgresVariant(): Promise<OpenedStorage> {
  const url = DATABASE_URL as string;
  const schema = `tsunagu_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = openPostgres(url, { searchPath: schema, max: 4 });
  const storage = createKyselyStorage(db, "postgres");
  return {
    storage,
    db,
    dispose: async () => {
      await storage.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

export const STORAGE_VARIANTS: StorageVariant[] = [
  { name: "sqlite", open: openSqliteVariant },
  {
    name: "postgres",
    ...(!DATABASE_URL && { unavailable: "DATABASE_URL is unset" }),
    open: openPostgresVariant,
  },
];

/** One describe per storage; a variant that cannot run here is reported as skipped, not passed. */
export function describeEachStorage(title: string, body: (variant: StorageVariant) => void): void {
  describe.each(STORAGE_VARIANTS)(`${title} on $name`, (variant) => {
    describe.skipIf(variant.unavailable !== undefined)(variant.unavailable ?? "available", () =>
      body(variant),
    );
  });
}

/** A migrated storage and an app over it, fresh for each test. */
export async function openApp(variant: StorageVariant, surveys: SurveyRegistry = fixtureSurveys()) {
  const opened = await variant.open();
  await opened.storage.migrate();
  const app = createApp({ storage: opened.storage, surveys, organizerToken: TOKEN, log: () => {} });
  return { app, storage: opened.storage, surveys, dispose: opened.dispose };
}

/** A valid v2 response; override any field. */
export function makeResponse(overrides: Partial<Response> = {}): Response {
  return {
    id: uuidv7(),
    surveyId: SURVEY,
    surveyVersion: 2,
    submittedAt: "2025-06-01T03:00:00.000Z",
    locale: "ja",
    mode: "self",
    answers: { q_prepared: "no", q_area: "north" },
    ...overrides,
  };
}

export const organizer = { Authorization: `Bearer ${TOKEN}` };

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * Stores responses through the collector's checks as a staff import does (kiosk responses without
 * a device token, events and devices that need not exist): for tests of what is counted, not of
 * how a tablet authenticates (tests/server/responses.test.ts holds those).
 */
export async function ingestAsStaff(
  storage: Storage,
  surveys: SurveyRegistry,
  responses: readonly Response[],
): Promise<{ results: ItemResult[] }> {
  return { results: await ingestBatch(responses, { storage, surveys }, { staffImport: true }) };
}

export { enrolKiosk } from "../../harness/fixtures/kiosk-enrolment";
