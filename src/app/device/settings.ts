import { getEndpoint, SettingsError, setEndpoint } from "../../sync/settings";
import { getOutbox } from "./outbox";

export async function readEndpoint(): Promise<string> {
  return getEndpoint(await getOutbox());
}

/** "saved"; "invalid": not an http(s) URL, or with a query…; "insecure": an http:// URL the page cannot reach. */
export type SaveOutcome = "saved" | "invalid" | "insecure";

/**
 * Whether this page may send to `url`: the app's Content-Security-Policy (connect-src 'self'
 * https:, src/server/security-headers.ts) lets it reach any https origin and its own, so an http://
 * endpoint works only on the page's own origin (the collector on http://localhost:8080). Saved, any
 * other http:// one failed every send for ever, with nothing said. `npm run dev` serves the UI
 * without that policy (`noPolicy`): there a collector on this machine is reachable over http too.
 */
export function reachableFromPage(url: string, pageOrigin: string, noPolicy = false): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return true; // not a URL at all: the endpoint check says so
  }
  if (parsed.protocol !== "http:" || parsed.origin === pageOrigin) return true;
  return noPolicy && (parsed.hostname === "localhost" || parsed.hostname === "127.0.0.1");
}

/** Saves a new endpoint, or says why it is refused. */
export async function saveEndpoint(url: string): Promise<SaveOutcome> {
  if (!reachableFromPage(url, window.location.origin, import.meta.env.DEV)) return "insecure";
  try {
    await setEndpoint(await getOutbox(), url);
    return "saved";
  } catch (error) {
    if (error instanceof SettingsError) return "invalid";
    throw error;
  }
}

export const defaultEndpoint = () => `${window.location.origin}/api/v1`;
