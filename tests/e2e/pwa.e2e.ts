import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPersistentChromium, PHONE } from "../../harness/chromium";
import { Collector } from "../../harness/collector";
import { freePort } from "../../harness/free-port";
import { chooseLanguage } from "./support/language-switch";

/** The size a PNG says it is, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// Installable as Chromium judges it (the same checks as its install prompt), and it starts with
// no network once visited.
describe("installable PWA", () => {
  let collector: Collector;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    collector = new Collector(await freePort());
    await collector.start();
    context = await launchPersistentChromium(mkdtempSync(join(tmpdir(), "tsunagu-profile-")), PHONE);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await collector?.stop();
  });

  it("says when it is ready to work offline, once the service worker has cached the app", async () => {
    await page.goto(`${collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: "回答をはじめる" }).waitFor();
    await page.locator(".update-area").getByText("オフラインでも使えます").waitFor();
    // By then the page is controlled and the precache holds the shell and the survey.
    const cached = await page.evaluate(async () => {
      const keys = await Promise.all((await caches.keys()).map(async (k) => (await caches.open(k)).keys()));
      return {
        controlled: Boolean(navigator.serviceWorker.controller),
        urls: keys.flat().map((r) => new URL(r.url).pathname),
      };
    });
    expect(cached.controlled).toBe(true);
    expect(cached.urls).toEqual(expect.arrayContaining(["/index.html", "/surveys/ward-resident.json"]));
  });

  it("has no installability error and a manifest that parses cleanly", async () => {
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send("Page.getAppManifest")) as {
      url: string;
      errors: { message: string; critical: number }[];
      data?: string;
    };
    expect(manifest.url).toBe(`${collector.origin}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? "{}");
    expect(data).toMatchObject({
      name: "つなぐ 区民アンケート",
      short_name: "つなぐ",
      lang: "ja",
      id: "/",
      start_url: "/",
      scope: "/",
      display: "standalone",
      theme_color: "#0b5d8f",
      background_color: "#ffffff",
    });
    expect(data.description).toMatch(/アンケート/);
    const purposes = (data.icons as { sizes: string; purpose?: string }[]).map(
      (i) => `${i.sizes} ${i.purpose ?? "any"}`,
    );
    expect(purposes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  });

  it("serves every icon at the size it declares, and the iOS tags", async () => {
    const manifest = await (await fetch(`${collector.origin}/manifest.webmanifest`)).json();
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const res = await fetch(`${collector.origin}${icon.src}`);
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get("content-type")).toBe(icon.type);
      const { width, height } = pngSize(Buffer.from(await res.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const head = await page.evaluate(() =>
      Object.fromEntries(
        [
          "apple-mobile-web-app-capable",
          "apple-mobile-web-app-title",
          "apple-mobile-web-app-status-bar-style",
          "theme-color",
        ].map((name) => [name, document.querySelector(`meta[name="${name}"]`)?.getAttribute("content")]),
      ),
    );
    expect(head).toEqual({
      "apple-mobile-web-app-capable": "yes",
      "apple-mobile-web-app-title": "つなぐ",
      "apple-mobile-web-app-status-bar-style": "default",
      "theme-color": "#0b5d8f",
    });
    const touchIcon = await page.evaluate(() =>
      document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute("href"),
    );
    const res = await fetch(`${collector.origin}${touchIcon}`);
    expect(res.status).toBe(200);
    expect(pngSize(Buffer.from(await res.arrayBuffer()))).toEqual({ width: 180, height: 180 });
  });

  it("starts in a new page with the collector stopped, and the survey renders", async () => {
    await collector.stop();
    const offline = await context.newPage();
    await offline.goto(`${collector.origin}/s/ward-resident`);
    await offline.getByRole("heading", { level: 1 }).waitFor();
    await offline.getByRole("button", { name: "回答をはじめる" }).click();
    await expect.poll(() => offline.getByRole("radio").count()).toBeGreaterThan(1);
    // The start URL too (the installed app opens there: the only survey), in a language whose
    // messages were never fetched before: its chunk is precached.
    await offline.goto(`${collector.origin}/`);
    await offline.getByRole("button", { name: "回答をはじめる" }).waitFor();
    await chooseLanguage(offline, "en");
    await offline.getByRole("button", { name: "Start" }).waitFor();
  });
});
