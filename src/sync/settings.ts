import type { Outbox } from "../outbox";
import { NOT_BEFORE_KEY } from "./not-before";

/**
 * Sync settings live in the outbox database, not localStorage: the service worker has no
 * localStorage and must send to the same endpoint with the same token as the page.
 */
export const ENDPOINT_KEY = "sync.endpoint";
export const DEVICE_TOKEN_KEY = "sync.deviceToken";
/** Posted on a change so that an engine blocked by 401/403, here or in another tab, tries again. */
export const SETTINGS_CHANNEL = "tsunagu-settings";

export class SettingsError extends Error {
  override name = "SettingsError";
}

export async function getEndpoint(outbox: Outbox): Promise<string> {
  const stored = await outbox.getSetting<string>(ENDPOINT_KEY);
  if (typeof stored === "string" && stored) return stored;
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!origin || origin === "null")
    throw new SettingsError("no endpoint is set and this context has no origin");
  return `${origin}/api/v1`;
}

/** Keeps an absolute http(s) URL without a trailing slash, so `${endpoint}/responses` is well formed. */
export function normalizeEndpoint(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new SettingsError(`not an absolute URL: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new SettingsError(`the endpoint must be http or https, not ${parsed.protocol}`);
  // fetch refuses URLs with credentials, and a query or fragment would be cut by "/responses".
  if (parsed.username || parsed.password) throw new SettingsError("the endpoint must not carry a user name");
  if (parsed.search || parsed.hash) throw new SettingsError("the endpoint must not have a query or fragment");
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}

export async function setEndpoint(outbox: Outbox, url: string): Promise<void> {
  await outbox.setSetting(ENDPOINT_KEY, normalizeEndpoint(url));
  // The wait the old collector asked for is not the new one's.
  await outbox.setSetting(NOT_BEFORE_KEY, undefined);
  announceChange();
}

export async function getDeviceToken(outbox: Outbox): Promise<string | undefined> {
  const token = await outbox.getSetting<string>(DEVICE_TOKEN_KEY);
  return typeof token === "string" && token ? token : undefined;
}

/** A token with a space or newline would make every fetch throw, which would look like "offline". */
export async function setDeviceToken(outbox: Outbox, token: string | undefined): Promise<void> {
  const value = token?.trim() || undefined;
  if (value !== undefined && !/^[\x21-\x7e]+$/.test(value))
    throw new SettingsError("a device token is printable ASCII without spaces");
  await outbox.setSetting(DEVICE_TOKEN_KEY, value);
  announceChange();
}

function announceChange(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(SETTINGS_CHANNEL);
  channel.postMessage("changed");
  channel.close();
}
