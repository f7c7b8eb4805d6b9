import { z } from "zod";

// In a browser, zod probes for `new Function` when its first object schema is defined, to compile
// fast parsers. The app's Content-Security-Policy (script-src 'self') forbids that, and Chromium
// reports the probe as a violation even though zod catches it. So in a page or a worker zod runs
// without its JIT; the collector (Node, no CSP) keeps it. Every module that defines an object
// schema imports this first, so that it runs before the first definition.
const inBrowser =
  typeof (globalThis as { document?: unknown }).document !== "undefined" ||
  typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== "undefined";
if (inBrowser) z.config({ jitless: true });
