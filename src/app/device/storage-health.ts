import type { Outbox } from "../../outbox";
import { createStore } from "../store";
import { browserStorage } from "./browser-storage";
import { existingOutbox } from "./outbox";
import { askForPersistence, type PersistenceState, persistence } from "./persistence";
import { syncStatus } from "./sync";

/** An answer waiting longer than this means the device has not reached the collector for a day. */
export const OLD_UNSENT_MS = 86_400_000;
/** Above this share of the quota the browser may start refusing writes, or evicting. */
export const NEARLY_FULL_RATIO = 0.9;

export interface StorageHealth {
  persisted: PersistenceState;
  usage?: number;
  quota?: number;
  /** When the oldest response still waiting to be sent was queued. */
  oldestPendingAt?: number;
}

export interface StorageWarnings {
  oldUnsent: boolean;
  nearlyFull: boolean;
  /** usage / quota, when the browser says both. */
  ratio?: number;
}

/** What staff must be told about this device's storage; pure, so it is tested on its own. */
export function storageWarnings(health: StorageHealth, now: number): StorageWarnings {
  const ratio =
    health.usage !== undefined && health.quota !== undefined && health.quota > 0
      ? health.usage / health.quota
      : undefined;
  return {
    oldUnsent: health.oldestPendingAt !== undefined && now - health.oldestPendingAt > OLD_UNSENT_MS,
    nearlyFull: ratio !== undefined && ratio > NEARLY_FULL_RATIO,
    ...(ratio !== undefined && { ratio }),
  };
}

interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Reads the figures; each source may be missing or fail, and is then left out, never guessed. */
export async function readStorageHealth(
  outbox: Outbox | undefined,
  storage: StorageManagerLike | undefined,
  persisted: PersistenceState,
): Promise<StorageHealth> {
  const [estimate, oldest] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    outbox?.takePending(1).catch(() => []),
  ]);
  const queuedAt = oldest?.[0]?.queuedAt;
  return {
    persisted,
    ...(estimate?.usage !== undefined && { usage: estimate.usage }),
    ...(estimate?.quota !== undefined && { quota: estimate.quota }),
    ...(queuedAt !== undefined && { oldestPendingAt: queuedAt }),
  };
}

// One per page, with its one read at a time below: the status bar and the settings show the same
// figures, and each sync status would otherwise start a read per screen.
export const storageHealth = createStore<StorageHealth>({ persisted: "unknown" });

let refreshing: Promise<void> | undefined;

/** Reads the figures again (one read at a time; a request meanwhile shares it). */
export function refreshStorageHealth(): Promise<void> {
  refreshing ??= (async () => {
    const outbox = await existingOutbox().catch(() => undefined);
    storageHealth.set(await readStorageHealth(outbox, browserStorage(), persistence.get()));
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

let watching = false;

/** Keeps the figures current: on each sync status (at least once a minute) and persistence change. */
export function watchStorageHealth(): void {
  if (watching) return;
  watching = true;
  syncStatus.subscribe(() => void refreshStorageHealth());
  persistence.subscribe(() => void refreshStorageHealth());
  void refreshStorageHealth();
}

/** Staff's "ask the browser to protect it": a user gesture, which some browsers require. */
export async function askToPersist(): Promise<void> {
  await askForPersistence();
  await refreshStorageHealth();
}
