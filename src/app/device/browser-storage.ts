/**
 * The app's one door to navigator.storage (the browser's quota and eviction promise for this site).
 * Each call may be missing (old Safari has none of them, a test has no navigator) or may throw: what
 * cannot be read is left out, never guessed.
 */
export interface BrowserStorage {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export const browserStorage = (): BrowserStorage | undefined =>
  typeof navigator === "undefined" ? undefined : navigator.storage;

/** Whether the browser already promised not to evict; undefined when it cannot say. Never prompts. */
export async function persistedNow(): Promise<boolean | undefined> {
  try {
    return await browserStorage()?.persisted?.();
  } catch {
    return undefined;
  }
}

/** Bytes used and available to this site, when the browser says. */
export async function storageEstimate(): Promise<{ usage?: number; quota?: number }> {
  try {
    return (await browserStorage()?.estimate?.()) ?? {};
  } catch {
    return {};
  }
}
