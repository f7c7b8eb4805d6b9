// The printed flyer as it goes on paper, for docs/screenshots/flyer/: the print stylesheet in a
// window the size of an A4 page's printable area (210 × 297 mm less @page's 15 mm margins, at
// 96 px/in), in Japanese and English; a picture taller than the window has spilled onto a second
// sheet. Needs a build (npx vite build); starts its own collector:  npx tsx scripts/flyer-screenshots.ts
import { mkdirSync } from "node:fs";
import { withCollectorAndChromium } from "../harness/with-collector-and-chromium";

const OUT = "docs/screenshots/flyer";
const mm = (n: number) => Math.round((n * 96) / 25.4);
const A4_PRINTABLE = { width: mm(210 - 30), height: mm(297 - 30) };
const LOCALES = { ja: "ja-JP", en: "en-US" } as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await withCollectorAndChromium(async (collector, browser) => {
    for (const [lang, locale] of Object.entries(LOCALES)) {
      const context = await browser.newContext({ locale, viewport: A4_PRINTABLE });
      const page = await context.newPage();
      await page.goto(`${collector.origin}/flyer/ward-resident`);
      await page.locator(".flyer__qr svg").waitFor();
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: `${OUT}/a4-${lang}.png`, fullPage: true });
      await context.close();
      console.log(`${lang}: done`);
    }
  });
}

await main();
