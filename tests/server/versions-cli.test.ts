import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { surveyCli } from "../../src/server/cli/survey-cli";
import { openStorage } from "../../src/server/storage";
import { version2Rows, version2Workbook } from "./versions-support";
import { setCell, toXlsx } from "./workbook/workbook-fixture";

// `npm run survey -- publish FILE` into the SQLite of DATA_DIR, as the collector would store it.
let dir: string;
const saved = process.env.DATA_DIR;
const savedUrl = process.env.DATABASE_URL;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tsunagu-publish-"));
  process.env.DATA_DIR = join(dir, "data");
  delete process.env.DATABASE_URL;
});
afterEach(() => {
  if (saved === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = saved;
  if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
  rmSync(dir, { recursive: true, force: true });
});

async function run(file: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await surveyCli(["publish", file], { out: (l) => out.push(l), err: (l) => err.push(l) }, dir);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function storedVersions(): Promise<number[]> {
  const storage = openStorage({ dataDir: join(dir, "data") });
  try {
    await storage.migrate();
    return (await storage.versionsOf("ward-resident")).map((v) => v.version);
  } finally {
    await storage.close();
  }
}

it("publishes a checked workbook as the next version, once", async () => {
  writeFileSync(join(dir, "v2.xlsx"), version2Workbook());
  const first = await run("v2.xlsx");
  expect(first).toMatchObject({ code: 0 });
  expect(first.out).toContain("ward-resident version 2 published into SQLite");
  expect(first.out).toContain("question_added q_new");
  expect(await storedVersions()).toEqual([2, 1]);
  const again = await run("v2.xlsx");
  expect(again.code).toBe(1);
  expect(again.err).toContain("the latest published is 2, so the next must be 3");
  expect(await storedVersions()).toEqual([2, 1]);
});

it("refuses a workbook with problems, each at its cell, storing nothing", async () => {
  const rows = version2Rows();
  setCell(rows, "survey", 4, "type", "select_one nope");
  writeFileSync(join(dir, "bad.xlsx"), toXlsx(rows));
  const result = await run("bad.xlsx");
  expect(result.code).toBe(1);
  expect(result.err).toContain("survey!A4");
  expect(await storedVersions()).toEqual([1]);
});
