import { createHmac, randomBytes } from "node:crypto";
import type { IntakeQuota, IntakeStorage } from "../storage/intake-storage";

/**
 * How many responses one source may send in an hour: counted up to `…Counted`, stored but held
 * beyond that (an analyst releases or excludes them), refused beyond `…Stored` so that a flood
 * cannot fill the disk. Counted per response, not per request: one request carries up to 500.
 */
export interface IntakeLimits {
  addressCounted: number;
  addressStored: number;
  deviceCounted: number;
  deviceStored: number;
}

/**
 * A household answers a handful of times; a mobile carrier's shared address (CGNAT) may carry a few
 * households at once, and a held answer is not lost, so 20 counted an hour is generous for people
 * and small for a script (39,000 in 22 s moved every indicator). A kiosk sends on behalf of its
 * token, and its backlog after a week offline at a busy counter is 12,000 (src/server/rate-limit.ts),
 * so a device may have that counted in one hour, with room to spare.
 */
export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  addressCounted: 20,
  addressStored: 500,
  deviceCounted: 15_000,
  deviceStored: 30_000,
};

/** Who a batch is counted against: the client's address (a phone), or the kiosk device of its token. */
export type IntakeSource =
  | { kind: "address"; address: string }
  | { kind: "device"; deviceId: string }
  /** Staff keying paper forms: a day's pile sent at once, under a kiosk's limits. */
  | { kind: "account"; login: string };

/** The source has stored all it may this hour: 429, Retry-After until the window ends. */
export class IntakeRefused extends Error {
  override name = "IntakeRefused";
  constructor(readonly retryAfterSeconds: number) {
    super("this source sent more responses this hour than any household or kiosk does");
  }
}

const WINDOW_MS = 3600_000;

export interface IntakeGate {
  /** The quota a batch from `source` is stored under now; throws IntakeRefused when it is spent. */
  quotaFor(source: IntakeSource, now: Date): Promise<IntakeQuota>;
}

/**
 * Keys an address by an HMAC with its window's salt, so the database never holds an address, and
 * once the window is pruned (at the next window) no stored value can be tied back to one.
 */
export function intakeGate(storage: IntakeStorage, limits: IntakeLimits = DEFAULT_INTAKE_LIMITS): IntakeGate {
  let salt: { windowStart: string; value: string } | undefined;
  const saltOf = async (windowStart: string) => {
    if (salt?.windowStart !== windowStart) {
      // A new window: the old one's counts and salt are no longer needed by any limit.
      await storage.pruneIntake(windowStart);
      const value = await storage.intakeSalt(windowStart, randomBytes(32).toString("base64url"));
      salt = { windowStart, value };
    }
    return salt.value;
  };
  return {
    async quotaFor(source, now) {
      const start = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
      const windowStart = new Date(start).toISOString();
      const windowSalt = await saltOf(windowStart);
      const key =
        source.kind === "device"
          ? `device:${source.deviceId}`
          : source.kind === "account"
            ? `account:${source.login}`
            : `address:${createHmac("sha256", windowSalt).update(source.address).digest("base64url")}`;
      const [counted, stored] =
        source.kind === "address"
          ? [limits.addressCounted, limits.addressStored]
          : [limits.deviceCounted, limits.deviceStored];
      const sent = await storage.intakeOf(windowStart, key);
      if (sent.stored >= stored)
        throw new IntakeRefused(Math.max(1, Math.ceil((start + WINDOW_MS - now.getTime()) / 1000)));
      return { windowStart, source: key, countedLimit: counted };
    },
  };
}
