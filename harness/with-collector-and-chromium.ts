import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium";
import { Collector } from "./collector";
import { freePort } from "./free-port";

/** A collector of its own (serving dist/) and a Chromium for `run`; both stopped after it, whatever happens. */
export async function withCollectorAndChromium<T>(
  run: (collector: Collector, browser: Browser) => Promise<T>,
): Promise<T> {
  const collector = new Collector(await freePort());
  await collector.start();
  try {
    const browser = await launchChromium();
    try {
      return await run(collector, browser);
    } finally {
      await browser.close();
    }
  } finally {
    await collector.stop();
  }
}
