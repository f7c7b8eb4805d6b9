import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { surveyCli } from "../../src/server/cli/survey-cli";
import { openStorage } from "../../src/server/storage";
import { NEXT, nextVersionRows, nextVersionWorkbook, SEEDED } from "./versions-support";
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
  writeFileSync(join(dir, "next.xlsx"), nextVersionWorkbook());
  const first = await run("next.xlsx");
  expect(first).toMatchObject({ code: 0 });
  expect(first.out).toContain(`ward-resident version ${NEXT} published into SQLite`);
  expect(first.out).toContain("question_added q_new");
  const all = [NEXT, ...SEEDED.map((_, i) => NEXT - 1 - i)];
  expect(await storedVersions()).toEqual(all);
  const again = await run("next.xlsx");
  expect(again.code).toBe(1);
  expect(again.err).toContain(`the latest published is ${NEXT}, so the next must be ${NEXT + 1}`);
  expect(await storedVersions()).toEqual(all);
});

it("refuses a workbook with problems, each at its cell, storing nothing", async () => {
  const rows = nextVersionRows();
  setCell(rows, "survey", 4, "type", "select_one nope");
  writeFileSync(join(dir, "bad.xlsx"), toXlsx(rows));
  const result = await run("bad.xlsx");
  expect(result.code).toBe(1);
  expect(result.err).toContain("survey!A4");
  expect(await storedVersions()).toEqual(SEEDED.map((_, i) => SEEDED.length - i));
});
