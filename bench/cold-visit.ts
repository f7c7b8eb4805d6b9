// `npx tsx bench/cold-visit.ts [locale]`: every request a phone makes on a cold visit to the shipped
// survey's page (/s/ward-resident?lang=<locale>, ko by default) until the network has been quiet
// 2 s, from Chromium's own network log, with the bytes each took on the wire (encoded, headers
// included). STATIC_DIR serves another build. The budget test counts the entry's static imports
// only; this counts what the app fetches after it starts too (issue 27).
import { launchChromium, phoneContext } from "../tests/e2e/support/browser";
import { Collector, freePort } from "../tests/e2e/support/collector";

const locale = process.argv[2] ?? "ko";
const collector = new Collector(await freePort());
await collector.start();
const browser = await launchChromium();
try {
  const context = await phoneContext(browser, { locale });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  let last = Date.now();
  cdp.on("Network.requestWillBeSent", (e) => {
    urls.set(e.requestId, e.request.url);
    last = Date.now();
  });
  cdp.on("Network.loadingFinished", (e) => {
    bytes.set(e.requestId, e.encodedDataLength);
    last = Date.now();
  });
  await page.goto(`${collector.origin}/s/ward-resident?lang=${locale}`);
  while (Date.now() - last < 2000) await new Promise((r) => setTimeout(r, 200));
  let total = 0;
  for (const [id, url] of urls) {
    const b = bytes.get(id) ?? 0;
    total += b;
    console.log(String(b).padStart(7), url.replace(collector.origin, ""));
  }
  console.log(String(total).padStart(7), `total on the wire, ${urls.size} requests`);
} finally {
  await browser.close();
  await collector.stop();
}
