import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { RESULTS_STYLE_HASH } from "../results/page/style";

/**
 * The Content-Security-Policy of the app (OWASP ASVS 5.0, V3.4): scripts, styles, workers and the
 * manifest only from the collector's own origin, no inline code, no plugins, never framed.
 * connect-src also allows any https origin because staff may point a device at another collector
 * (DESIGN.md "Configuration"); with no way to run injected script, that costs little.
 * The app sets styles through the CSSOM (Preact's style prop), which style-src does not govern.
 * The one inline stylesheet allowed is the server-rendered results page's, by its hash: a fixed
 * text, so no injected style matches it. A collector serving the built app adds the survey pages'
 * inline boot script and stylesheet, by the hashes the build wrote (securityHeaders).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", RESULTS_STYLE_HASH],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'", "https:"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  mediaSrc: ["'self'", "blob:"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The CSP as one header value, for tests and docs. */
export function cspHeaderValue(): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)} ${v.join(" ")}`)
    .join("; ");
}

/** Inline code allowed beside the policy's own, by CSP hash ('sha256-…'). */
export interface InlineHashes {
  script: string;
  style: string;
}

/**
 * On every answer, API and app alike. CORP stays same-origin: CORS requests from configured origins
 * are not subject to it, only no-cors embeds are. The camera stays allowed for the app itself
 * (a kiosk may scan an enrollment QR code); every other powerful feature is off. `inline`: the
 * survey pages' boot script and stylesheet (src/build/first-screen.tsx, inlinedAssets), fixed texts
 * of the build, allowed on every answer: the policy is one value for all, and an injected copy of
 * either could only do what the page does.
 */
export function securityHeaders(inline?: InlineHashes): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: inline
      ? {
          ...CONTENT_SECURITY_POLICY,
          scriptSrc: [...CONTENT_SECURITY_POLICY.scriptSrc, inline.script],
          styleSrc: [...CONTENT_SECURITY_POLICY.styleSrc, inline.style],
        }
      : CONTENT_SECURITY_POLICY,
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    crossOriginOpenerPolicy: "same-origin",
    crossOriginResourcePolicy: "same-origin",
    permissionsPolicy: {
      camera: ["self"],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      serial: [],
      bluetooth: [],
      hid: [],
      midi: [],
      accelerometer: [],
      gyroscope: [],
      magnetometer: [],
      displayCapture: [],
    },
  });
}
