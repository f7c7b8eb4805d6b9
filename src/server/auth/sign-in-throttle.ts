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

/** One more failure at `t`: past the free attempts, each waits twice as long as the one before. */
export function afterFailure(f: Failures | undefined, t: number, options: SignInThrottleOptions): Failures {
  const next = { count: (f?.count ?? 0) + 1, lastAt: t, blockedUntil: f?.blockedUntil ?? 0 };
  const over = next.count - options.freeAttempts;
  if (over >= 0) next.blockedUntil = t + Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** over);
  return next;
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
      const f = afterFailure(clients.get(key), t, options);
      clients.delete(key);
      clients.set(key, f);
    },
    succeeded(key) {
      clients.delete(key);
    },
  };
}

/** The same throttle kept in the database (SessionStorage), for keys several processes must share. */
export interface StoredSignInThrottle {
  waitFor(key: string): Promise<number>;
  failed(key: string): Promise<void>;
  succeeded(key: string): Promise<void>;
}

interface ThrottleStore {
  signInFailuresOf(key: string): Promise<Failures | undefined>;
  putSignInFailures(key: string, failures: Failures): Promise<void>;
  forgetSignInFailures(key: string | null, forgetBefore: number): Promise<void>;
}

/**
 * Sign-in failures per account and per address, shared by every collector process on one database
 * (DESIGN "Configuration"). Its clock is the wall clock (Date.now) unless options.now is given: the
 * processes share no monotonic one. Two processes failing the same key at once may count one
 * failure instead of two; the doubling wait is what slows a guesser, and it still doubles.
 */
export function storedSignInThrottle(
  store: ThrottleStore,
  options: SignInThrottleOptions = DEFAULT_SIGN_IN_THROTTLE,
): StoredSignInThrottle {
  const now = options.now ?? (() => Date.now());
  return {
    async waitFor(key) {
      const f = await store.signInFailuresOf(key);
      return f ? Math.max(0, f.blockedUntil - now()) : 0;
    },
    async failed(key) {
      const t = now();
      await store.forgetSignInFailures(null, t - FORGET_AFTER_MS);
      await store.putSignInFailures(key, afterFailure(await store.signInFailuresOf(key), t, options));
    },
    async succeeded(key) {
      await store.forgetSignInFailures(key, now() - FORGET_AFTER_MS);
    },
  };
}
