import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A resident's phone, as most suites see the app: Japanese (the app's default), 390×844. */
export const PHONE = {
  locale: "ja-JP",
  viewport: { width: 390, height: 844 },
} satisfies BrowserContextOptions;

/** A new context at PHONE; `options` add to it or override it (a suite's locale, bypassCSP...). */
export async function phoneContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return await browser.newContext({ ...PHONE, ...options });
}

export async function launchChromium(): Promise<Browser> {
  return await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
  });
}

/**
 * A context with a profile on disk. newContext() is an incognito context, which Chromium never
 * lets install an app ("in-incognito"): installability checks need this one.
 */
export async function launchPersistentChromium(
  userDataDir: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
  });
}
