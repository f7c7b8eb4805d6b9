import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeFetched, surveyColdVisit } from "../../harness/cold-visit-log";
import { BACKUP_FORMAT } from "../../src/contract/backup";
import { useCollectorAndChromium } from "./support/suite";

// Issue 27: what a respondent needs before their first answer is saved, and nothing of the staff's
// screens. The build the collector serves (it reads STATIC_DIR too) names each chunk's source
// module in its manifest (vite.config.ts, build.manifest).
const DIST = process.env.STATIC_DIR || "dist";

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isDynamicEntry?: boolean;
}

const manifest = () =>
  Object.values(
    JSON.parse(readFileSync(join(DIST, ".vite/manifest.json"), "utf8")) as Record<string, ManifestChunk>,
  );

/**
 * Code a respondent never runs before their first answer is saved. A chunk is named by its source
 * module (the manifest's src), or, for a chunk shared by several screens, by the name Vite gives it
 * after a module in it. Each screen must be a chunk of its own: imported statically on the
 * respondent's path, it would be merged into the app's chunk and no chunk of its name would be fetched.
 */
const STAFF_CODE = {
  enrollment: {
    screen: "src/app/enroll/enroll-page.tsx",
    source: /^src\/app\/enroll\//,
    names: ["enrollment"],
  },
  kiosk: {
    screen: "src/app/kiosk/kiosk-page.tsx",
    source: /^src\/app\/kiosk\//,
    names: ["kiosk", "kiosk-stats"],
  },
  dashboard: {
    screen: "src/app/dashboard/dashboard-page.tsx",
    source: /^src\/app\/dashboard\//,
    names: ["dashboard-api", "events-api"],
  },
  backup: { screen: undefined, source: /^src\/(?:app\/device|contract)\/backup\.ts$/, names: ["backup"] },
} as const;

describe("a respondent's cold visit to a survey's page", () => {
  const env = useCollectorAndChromium();

  it("fetches no enrollment, backup, kiosk or dashboard code", async () => {
    const chunks = manifest();
    const problems: string[] = [];
    for (const [area, code] of Object.entries(STAFF_CODE))
      if (code.screen && chunks.find((c) => c.src === code.screen)?.isDynamicEntry !== true)
        problems.push(
          `${area}'s screen ${code.screen} is not a chunk of its own: something imports it statically`,
        );
    const { page } = await surveyColdVisit(env.browser, env.collector.origin, "ja");
    const byFile = new Map(chunks.map((c) => [`/${c.file}`, c]));
    const fetched = page.filter((f) => f.path.startsWith("/assets/") && f.path.endsWith(".js"));
    expect(fetched.length).toBeGreaterThan(0);
    for (const f of fetched) {
      const chunk = byFile.get(f.path);
      if (!chunk) {
        problems.push(`${f.path} is no chunk of the build's manifest`);
        continue;
      }
      for (const [area, code] of Object.entries(STAFF_CODE))
        if (
          (chunk.src && code.source.test(chunk.src)) ||
          (code.names as readonly string[]).includes(chunk.name ?? "")
        )
          problems.push(`${f.path} is ${area} code (${chunk.src ?? chunk.name})`);
      // The backup's code has no screen of its own: merged into whatever imports it, it is found by
      // its file format's name, which only that code holds.
      if (readFileSync(join(DIST, f.path), "utf8").includes(BACKUP_FORMAT))
        problems.push(`${f.path} holds the backup's code (${chunk.src ?? chunk.name})`);
    }
    expect(problems, describeFetched("the page (ja)", page)).toEqual([]);
  });
});
