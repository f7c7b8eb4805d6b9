import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, phoneContext } from "../../harness/chromium";
import { Collector } from "../../harness/collector";
import { freePort } from "../../harness/free-port";

/**
 * Version B is the built app with one change to sw.js (what any release changes): it also answers
 * "which build are you?", so the test can tell which service worker controls the page.
 */
function buildVersionB(): string {
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-build-b-"));
  cpSync("dist", dir, { recursive: true });
  const sw = join(dir, "sw.js");
  appendFileSync(
    sw,
    `\nself.addEventListener("message", (e) => { if (e.data && e.data.type === "WHICH_BUILD") e.ports[0].postMessage("B"); });\n`,
  );
  // The build writes a compressed twin of each file, which the collector serves in its place: a
  // release rewrites them with the file, and so must this one.
  const bytes = readFileSync(sw);
  writeFileSync(`${sw}.gz`, gzipSync(bytes));
  writeFileSync(`${sw}.br`, brotliCompressSync(bytes));
  return dir;
}

/** Asks the controlling service worker which build it is; only B answers. */
function whichBuild(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(String(e.data));
        navigator.serviceWorker.controller?.postMessage({ type: "WHICH_BUILD" }, [channel.port2]);
      }),
  );
}

// A resident is answering version A when B is released: the page learns of B, says it will wait,
// keeps every answer and never reloads by itself; once they have submitted, one tap activates B.
describe("a new version while someone is answering", () => {
  let port: number;
  let collectorA: Collector;
  let collectorB: Collector;
  let browser: Browser;
  let page: Page;
  let navigations = 0;

  beforeAll(async () => {
    port = await freePort();
    collectorA = new Collector(port);
    collectorB = new Collector(port, { STATIC_DIR: buildVersionB() });
    await collectorA.start();
    browser = await launchChromium();
    const context = await phoneContext(browser);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await collectorA?.stop();
    await collectorB?.stop();
  });

  const next = () => page.getByRole("button", { name: "次へ", exact: true }).click();
  const prompt = () => page.locator(".update-area");

  it("runs version A, cached for offline", async () => {
    await page.goto(`http://127.0.0.1:${port}/s/ward-resident`);
    await prompt().getByText("オフラインでも使えます").waitFor();
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.evaluate(() => {
      (window as unknown as { firstDocument: boolean }).firstDocument = true;
    });
  });

  it("learns of version B mid-answer, waits, and keeps the answers", async () => {
    await page.getByRole("button", { name: "回答をはじめる" }).click();
    await page.getByLabel("地域3", { exact: true }).check();

    await collectorA.stop();
    await collectorB.start();
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await prompt().getByText("回答が終わってから切り替えます").waitFor();

    expect(await prompt().getByRole("button").count()).toBe(0);
    expect(
      await page.evaluate(async () => ({
        waiting: Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
        firstDocument: (window as unknown as { firstDocument?: boolean }).firstDocument,
      })),
    ).toEqual({ waiting: true, firstDocument: true });
    expect(await page.getByLabel("地域3", { exact: true }).isChecked()).toBe(true);
    expect(navigations).toBe(0);
  });

  it("still has not reloaded when the answers are submitted; then offers the reload", async () => {
    await next();
    // The first option wherever there is a radio group, on to the comment, then the review.
    while ((await page.getByRole("textbox").count()) === 0) {
      const radios = page.getByRole("radio");
      if ((await radios.count()) > 0) await radios.first().check();
      await next();
      expect(await prompt().getByRole("button").count()).toBe(0);
    }
    await next();
    await page.getByRole("button", { name: "送信する" }).click();
    await page.getByRole("heading", { name: "ご回答ありがとうございました" }).waitFor();
    await prompt().getByRole("button", { name: "再読み込み" }).waitFor();
    expect(navigations).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { firstDocument?: boolean }).firstDocument)).toBe(
      true,
    );
  });

  it("activates version B on the tap, with one reload", async () => {
    await Promise.all([
      page.waitForEvent("load"),
      prompt().getByRole("button", { name: "再読み込み" }).click(),
    ]);
    expect(navigations).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { firstDocument?: boolean }).firstDocument)).toBe(
      undefined,
    );
    expect(await whichBuild(page)).toBe("B");
    expect(
      await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
    ).toBe(false);
    // A new install is not a first install: no "ready to work offline" again, no prompt.
    await page.getByRole("button", { name: "回答をはじめる" }).waitFor();
    expect(await prompt().textContent()).toBe("");
  });
});
