// `npm run lighthouse`: Lighthouse (the npm package) in Debian's Chromium, against the built app
// served by the real collector, on the respondent's screens and the dashboard. Writes
// docs/lighthouse.md and exits 1 when a score is below 100 or Chromium finds an installability error.
// Needs `npx vite build` first. Not part of `npm test`: it takes two to three minutes on this machine.
import { writeFileSync } from "node:fs";
import { navigation, snapshot } from "lighthouse";
import puppeteer, { type Page } from "puppeteer-core";
import { CHROMIUM_FLAGS } from "../harness/chromium";
import { Collector, ORGANIZER_TOKEN } from "../harness/collector";
import { seedCollector } from "../harness/fixtures/ward-responses";
import { freePort } from "../harness/free-port";

const CATEGORIES = ["accessibility", "best-practices"] as const;
const OUT = "docs/lighthouse.md";

// Lighthouse's mobile settings (a phone-sized screen), without simulated throttling: the categories
// audited here do not depend on speed, and the machine is shared.
const flags = {
  onlyCategories: [...CATEGORIES],
  throttlingMethod: "provided" as const,
  // Keep the service worker and the organizer's session between steps.
  disableStorageReset: true,
};

interface Row {
  screen: string;
  mode: "navigation" | "snapshot";
  scores: Record<string, number | null>;
  failing: string[];
}

type Lhr = NonNullable<Awaited<ReturnType<typeof navigation>>>["lhr"];

function row(screen: string, mode: Row["mode"], lhr: Lhr | undefined): Row {
  if (!lhr) throw new Error(`${screen}: Lighthouse returned no result`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]));
  const failing = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
      .map((a) => `${a?.id}: ${a?.title}`),
  );
  return { screen, mode, scores, failing };
}

async function installability(page: Page) {
  const cdp = await page.createCDPSession();
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  const manifest = await cdp.send("Page.getAppManifest");
  await cdp.detach();
  const data = JSON.parse(manifest.data ?? "{}") as Record<string, unknown>;
  return {
    errors: installabilityErrors.map((e) => e.errorId),
    manifestUrl: manifest.url ? new URL(manifest.url).pathname : "(none)",
    manifestErrors: manifest.errors.map((e) => e.message),
    data,
  };
}

async function main(): Promise<void> {
  const collector = new Collector(await freePort());
  await collector.start();
  await seedCollector(collector.origin, 40);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // The e2e suites' flags (--headless among them): the same browser the tests see.
    headless: false,
    args: [...CHROMIUM_FLAGS, "--lang=ja-JP"],
  });
  const rows: Row[] = [];
  try {
    const page = await browser.newPage();
    const survey = `${collector.origin}/s/ward-resident`;

    rows.push(row("respondent: intro", "navigation", (await navigation(page, survey, { flags }))?.lhr));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const install = await installability(page);

    await page.locator(".intro .button--primary").click();
    await page.waitForSelector("form.question input[type=radio]");
    rows.push(row("respondent: question", "snapshot", (await snapshot(page, { flags }))?.lhr));

    // "Next" until the first required question refuses: the announced error.
    for (let i = 0; i < 10 && !(await page.$(".field-error:not([hidden])")); i++)
      await page.click("form.question button[type=submit]");
    await page.waitForSelector(".field-error:not([hidden])");
    rows.push(row("respondent: required error", "snapshot", (await snapshot(page, { flags }))?.lhr));

    rows.push(
      row(
        "dashboard: token form",
        "navigation",
        (await navigation(page, `${collector.origin}/dashboard`, { flags }))?.lhr,
      ),
    );
    await page.type("#organizer-token", ORGANIZER_TOKEN);
    await page.click(".token-form button[type=submit]");
    await page.waitForSelector("article.indicator");
    rows.push(row("dashboard: tallies", "snapshot", (await snapshot(page, { flags }))?.lhr));

    const version = await browser.version();
    const lighthouseVersion = (await import("lighthouse/package.json", { with: { type: "json" } })).default
      .version;
    writeFileSync(OUT, report(rows, install, version, lighthouseVersion));
    console.log(`wrote ${OUT}`);
    for (const r of rows)
      console.log(
        `${r.screen}: ${CATEGORIES.map((c) => `${c} ${Math.round((r.scores[c] ?? 0) * 100)}`).join(", ")}${
          r.failing.length ? ` — ${r.failing.join("; ")}` : ""
        }`,
      );
    console.log(`installability errors: ${install.errors.length ? install.errors.join(", ") : "none"}`);
    const below = rows.some((r) => CATEGORIES.some((c) => (r.scores[c] ?? 0) < 1));
    if (below || install.errors.length > 0 || install.manifestErrors.length > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await collector.stop();
  }
}

function report(
  rows: Row[],
  install: Awaited<ReturnType<typeof installability>>,
  chromium: string,
  lighthouse: string,
): string {
  const pct = (s: number | null) => (s === null ? "—" : String(Math.round(s * 100)));
  const manifestKeys = ["name", "short_name", "lang", "id", "start_url", "scope", "display", "theme_color"];
  return `# Lighthouse

Produced by \`npx vite build && npm run lighthouse\` (scripts/lighthouse.ts): Lighthouse ${lighthouse}
(the npm package) in ${chromium} (/usr/bin/chromium, the e2e suites' flags), mobile settings
without simulated throttling, against the built app served by the real collector (SQLite, 40 seeded
responses). A navigation step audits a page load; a snapshot step audits the page as it is after
the clicks that lead there. Run ${new Date().toISOString().slice(0, 10)}.

| screen | step | accessibility | best practices | audits below 100 |
| --- | --- | --- | --- | --- |
${rows
  .map(
    (r) =>
      `| ${r.screen} | ${r.mode} | ${pct(r.scores.accessibility ?? null)} | ${pct(r.scores["best-practices"] ?? null)} | ${
        r.failing.join("; ") || "none"
      } |`,
  )
  .join("\n")}

## Installability (the PWA criteria)

Lighthouse 12 removed the PWA category, and Lighthouse ${lighthouse} has no manifest or
installability audit left. The same criteria come from Chromium itself, through the DevTools
protocol, on the respondent's page once its service worker is ready (tests/e2e/pwa.e2e.ts checks the
same in \`npm test\`):

- \`Page.getInstallabilityErrors\`: ${install.errors.length ? install.errors.join(", ") : "none (installable)"}
- \`Page.getAppManifest\`: ${install.manifestUrl}, parse errors: ${
    install.manifestErrors.length ? install.manifestErrors.join("; ") : "none"
  }
- manifest: ${manifestKeys.map((k) => `${k} \`${String(install.data[k])}\``).join(", ")}; icons ${(
    (install.data.icons as { sizes: string; purpose?: string }[] | undefined) ?? []
  )
    .map((i) => `${i.sizes}${i.purpose ? ` ${i.purpose}` : ""}`)
    .join(", ")}
`;
}

await main();
