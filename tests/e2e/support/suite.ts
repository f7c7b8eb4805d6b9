import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../../harness/chromium";
import { Collector } from "../../../harness/collector";
import { freePort } from "../../../harness/free-port";
import { WatchingProxy } from "../../../harness/watching-proxy";

export interface CollectorAndChromium {
  readonly collector: Collector;
  readonly browser: Browser;
}

/**
 * A collector and a Chromium of the suite's own, for the whole describe() it is called in: a suite
 * that stops its collector, or fills its database, never disturbs another. Call it before the suite's
 * own beforeAll, which then runs after it (vitest runs beforeAll hooks in the order they are
 * registered, afterAll in reverse). Both exist only once beforeAll has run: read them in hooks and
 * tests, not while describe() registers them.
 */
export function useCollectorAndChromium(): CollectorAndChromium {
  let collector: Collector | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    collector = new Collector(await freePort());
    await collector.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} read before useCollectorAndChromium's beforeAll ran`);
    return value;
  };
  return {
    get collector() {
      return started(collector, "collector");
    },
    get browser() {
      return started(browser, "browser");
    },
  };
}

export interface CollectorBehindProxy extends CollectorAndChromium {
  /** Between the browser and the collector: watches each request, and can answer for it (down). */
  readonly proxy: WatchingProxy;
}

/**
 * useCollectorAndChromium with a WatchingProxy in front of the collector, for the suites that make
 * the collector refuse or watch what reaches it. The page is opened at proxy.origin.
 */
export function useCollectorBehindProxy(): CollectorBehindProxy {
  const env = useCollectorAndChromium();
  let proxy: WatchingProxy | undefined;
  beforeAll(async () => {
    proxy = new WatchingProxy(await freePort(), env.collector.origin);
    await proxy.start();
  });
  afterAll(async () => {
    await proxy?.stop();
  });
  return {
    get collector() {
      return env.collector;
    },
    get browser() {
      return env.browser;
    },
    get proxy() {
      if (proxy === undefined) throw new Error("proxy read before useCollectorBehindProxy's beforeAll ran");
      return proxy;
    },
  };
}
