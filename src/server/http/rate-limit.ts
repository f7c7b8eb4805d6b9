import type { Context, MiddlewareHandler } from "hono";
import { HttpProblem, problemResponse } from "./problems";

export interface RateLimitOptions {
  /** Requests a client may make at once before it must wait. */
  burst: number;
  /** Requests a client regains each second, up to `burst`. */
  perSecond: number;
  /** Milliseconds, monotonic; injectable so that tests never wait on the wall clock. */
  now?: () => number;
}

/**
 * Sized for an honest kiosk: its sync sends batches of 100 responses back to back, so a backlog of
 * 12,000 responses (a week offline at a busy counter) fits in one burst, and a longer one drains at
 * 2 batches a second once the device honours Retry-After, as src/sync does.
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 120, perSecond: 2 };

/** More clients than this and the fullest buckets (those that would allow a burst anyway) are dropped. */
const MAX_CLIENTS = 50_000;

interface Bucket {
  tokens: number;
  at: number;
}

export interface TokenBuckets {
  /** Takes one token for `key`: 0 when granted, else the milliseconds until one is there. */
  take(key: string): number;
  readonly size: number;
}

/**
 * One token bucket per key, in memory only: the keys (client addresses) are never written anywhere,
 * and a bucket that has filled up again is forgotten, so the map holds only recent clients.
 */
export function tokenBuckets(options: RateLimitOptions): TokenBuckets {
  const { burst, perSecond } = options;
  const now = options.now ?? (() => performance.now());
  if (!(burst >= 1) || !(perSecond > 0)) throw new Error("a rate limit needs burst ≥ 1 and perSecond > 0");
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, t: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
  };
  const prune = (t: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
  };
  return {
    take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_CLIENTS) prune(t);
        bucket = { tokens: burst, at: t };
        buckets.set(key, bucket);
      } else refill(bucket, t);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return ((1 - bucket.tokens) / perSecond) * 1000;
    },
    get size() {
      return buckets.size;
    },
  };
}

/**
 * 429 with Retry-After (whole seconds, rounded up) once a client has used its burst. A request whose
 * address is unknown (no socket: an in-process test) is not limited.
 */
export function rateLimit(
  options: RateLimitOptions,
  clientAddress: (c: Context) => string | undefined,
): MiddlewareHandler {
  const buckets = tokenBuckets(options);
  return async (c, next) => {
    const address = clientAddress(c);
    const waitMs = address === undefined ? 0 : buckets.take(address);
    if (waitMs > 0) {
      c.header("Retry-After", String(Math.max(1, Math.ceil(waitMs / 1000))));
      return problemResponse(
        c,
        new HttpProblem("rate_limited", "too many requests from this address; retry after the given seconds"),
      );
    }
    await next();
  };
}
