import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { freshPgSchema } from "../../harness/pg-schema";
import type { ResponsesResult } from "../../src/contract/responses";
import { createKyselyStorage, openPostgres, openSqlite, type Storage } from "../../src/server/storage";
import { describeEachStorage, postJson } from "./support";
import {
  NEXT,
  nextVersionWorkbook,
  SHIPPED,
  seededApp,
  version1Response,
  WARD,
  xlsxUpload,
} from "./versions-support";

/** Two connections to one database, as two collector processes have (DESIGN "Configuration"). */
async function openTwice(
  kind: "sqlite" | "postgres",
): Promise<{ storages: Storage[]; dispose(): Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "tsunagu-versions-"));
    const file = join(dir, "tsunagu.sqlite");
    const storages = [1, 2, 3].map(() => createKyselyStorage(openSqlite(file), "sqlite"));
    return {
      storages,
      dispose: async () => {
        for (const s of storages) await s.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = await freshPgSchema(process.env.DATABASE_URL as string, "versions");
  const storages = [1, 2, 3].map(() =>
    createKyselyStorage(
      openPostgres(process.env.DATABASE_URL as string, { searchPath: schema.schema, max: 2 }),
      "postgres",
    ),
  );
  return {
    storages,
    dispose: async () => {
      for (const s of storages) await s.close();
      await schema.drop();
    },
  };
}

describeEachStorage("a version published by another collector process", (variant) => {
  let storages: Storage[];
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ storages, dispose } = await openTwice(variant.name));
    await storages[0]?.migrate();
  });
  afterEach(async () => dispose());

  it("is served by the others within the refresh time, and their responses to it are accepted at once", async () => {
    const [a, b, c] = storages as [Storage, Storage, Storage];
    let now = 1_000_000;
    const clock = () => now;
    const publisher = await seededApp(a);
    const reader = await seededApp(b, { clock });
    const intake = await seededApp(c, { clock });
    expect(reader.seeded).toEqual([]);

    const published = await publisher.app.request(
      `/api/v1/surveys/${WARD}/versions`,
      xlsxUpload(nextVersionWorkbook()),
    );
    expect(published.status).toBe(201);

    // The reader looked a moment ago: it serves the shipped version until its refresh time has passed.
    const versionServed = async () =>
      ((await (await reader.app.request(`/surveys/${WARD}.json`)).json()) as { version: number }).version;
    expect(await versionServed()).toBe(SHIPPED);
    now += 5_000;
    expect(await versionServed()).toBe(NEXT);
    const listed = (await (await reader.app.request("/api/v1/surveys")).json()) as {
      surveys: { version: number }[];
    };
    expect(listed.surveys.map((s) => s.version)).toEqual([NEXT]);

    // A phone that loaded the new version from the publisher sends its answer to the third process at once.
    const answer = version1Response({ surveyVersion: NEXT, submittedAt: new Date().toISOString() });
    const res = await intake.app.request("/api/v1/responses", postJson({ responses: [answer] }));
    const { results } = (await res.json()) as ResponsesResult;
    expect(results.map((r) => r.status)).toEqual(["accepted"]);
    expect(intake.surveys.get(WARD, NEXT)?.version).toBe(NEXT);
  });
});
