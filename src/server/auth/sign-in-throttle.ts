export interface SignInThrottleOptions {
  /** Wrong tokens a client may try before each next try must wait. */
  freeAttempts: number;
  /** The first wait; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Milliseconds, monotonic; injectable so that tests never wait on the wall clock. */
  now?: () => number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleOptions = {
  freeAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
};

/** Clients remembered at most; beyond it the oldest entries go (they would have expired anyway). */
const MAX_CLIENTS = 10_000;
/** A client's failures are forgotten this long after its last one. */
const FORGET_AFTER_MS = 60 * 60_000;

interface Failures {
  count: number;
  lastAt: number;
  blockedUntil: number;
}

export interface SignInThrottle {
  /** 0 when a wrong try from `key` is answered as such now, else the milliseconds it must wait. */
  waitFor(key: string): number;
  failed(key: string): void;
  succeeded(key: string): void;
}

/**
 * Slows guessing of the organizer token: after a few wrong tries from one client, each next wrong
 * try is refused (429) for twice as long as the one before; the right token is let in all the same
 * (routes/session.ts says why). In memory only: the keys (client addresses) are never
 * written anywhere, and a client is forgotten an hour after its last failure or at a success.
 */
export function signInThrottle(options: SignInThrottleOptions = DEFAULT_SIGN_IN_THROTTLE): SignInThrottle {
  const now = options.now ?? (() => performance.now());
  const clients = new Map<string, Failures>();
  const forgetOld = (t: number) => {
    for (const [key, f] of clients)
      if (t - f.lastAt > FORGET_AFTER_MS && t >= f.blockedUntil) clients.delete(key);
    // Map keeps insertion order: the first keys are the oldest.
    for (const key of clients.keys()) {
      if (clients.size < MAX_CLIENTS) break;
      clients.delete(key);
    }
  };
  return {
    waitFor(key) {
      const f = clients.get(key);
      return f ? Math.max(0, f.blockedUntil - now()) : 0;
    },
    failed(key) {
      const t = now();
      forgetOld(t);
      const f = clients.get(key) ?? { count: 0, lastAt: t, blockedUntil: 0 };
      f.count += 1;
      f.lastAt = t;
      const over = f.count - options.freeAttempts;
      if (over >= 0) f.blockedUntil = t + Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** over);
      clients.delete(key);
      clients.set(key, f);
    },
    succeeded(key) {
      clients.delete(key);
    },
  };
}
