interface StorageLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface PersistenceReport {
  persisted: boolean;
  usage?: number;
  quota?: number;
}

/**
 * Asks the browser not to evict the outbox under storage pressure, and reports what it got. Each
 * call may be missing (workers have no persist(), old Safari has none of them) or may throw.
 */
export async function requestPersistence(
  storage: StorageLike | undefined = (globalThis as { navigator?: { storage?: StorageLike } }).navigator
    ?.storage,
): Promise<PersistenceReport> {
  const attempt = async <T>(call: (() => Promise<T>) | undefined): Promise<T | undefined> => {
    try {
      return call ? await call() : undefined;
    } catch {
      return undefined;
    }
  };
  // persist() may prompt in some browsers; skip it when persistence is already granted.
  let persisted = (await attempt(storage?.persisted?.bind(storage))) === true;
  if (!persisted) persisted = (await attempt(storage?.persist?.bind(storage))) === true;
  const estimate = await attempt(storage?.estimate?.bind(storage));
  return {
    persisted,
    ...(estimate?.usage !== undefined && { usage: estimate.usage }),
    ...(estimate?.quota !== undefined && { quota: estimate.quota }),
  };
}
