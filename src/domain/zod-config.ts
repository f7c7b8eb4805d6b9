import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

// The schemas are written in zod/mini: the same core as full zod, a tenth of its bytes in the
// respondent's bundle. Every module that defines a schema imports this first, so that zod is set
// up before the first schema is made. Two settings:
//
// - English messages ("Invalid option", "Too small: expected …"): full zod installs them itself,
//   mini does not, and the collector's error bodies and the device's records say them.
// - No JIT in a page or a worker: the app's Content-Security-Policy (script-src 'self') forbids
//   `new Function`, and Chromium reports even a caught probe for it as a violation. Mini's objects
//   do not compile parsers, so nothing probes today; this keeps it so if a schema ever asks for one.
const inBrowser =
  typeof (globalThis as { document?: unknown }).document !== "undefined" ||
  typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== "undefined";
config({ ...en(), ...(inBrowser && { jitless: true }) });
