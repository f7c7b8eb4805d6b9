export interface SignInThrottleOptions {
  /** Wrong tries a key (an address, an account) may make before each next one must wait. */
  freeAttempts: number;
  /** The first wait; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Milliseconds; the wall clock by default (processes share no other); injectable for tests. */
  now?: () => number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleOptions = {
  freeAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
};

/** A key's failures are forgotten this long after its last one (or at a success). */
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

/**
 * Slows guessing at sign-in: after a few wrong tries from one key, each next wrong try waits twice as
 * long as the one before (429 + Retry-After). Kept in the database (SessionStorage), so every
 * collector process shares it; the keys are an account's login or a keyed hash of an address
 * (auth/password-sign-in.ts), never an address as such.
 */
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
