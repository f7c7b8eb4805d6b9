import type { Context } from "hono";
import type { SignInThrottleOptions } from "./auth/sign-in-throttle";
import type { RateLimitOptions } from "./http/rate-limit";
import type { LogLine } from "./http/request-log";
import type { IntakeLimits } from "./responses/intake";
import type { Storage } from "./storage/storage";
import type { SurveyRegistry } from "./surveys";

/**
 * What a route or module is built from: the deps it names, and of the storage only the part it
 * uses (storage/*-storage.ts), so each says which tables it may touch.
 */
export type DepsWith<S, K extends keyof AppDeps = never> = Pick<AppDeps, K> & { storage: S };

/** What the collector's HTTP app is built from; cli/main.ts makes them from the environment. */
export interface AppDeps {
  storage: Storage;
  surveys: SurveyRegistry;
  organizerToken: string;
  /** Origins allowed to call /api/v1 from another site; none by default. */
  corsOrigins?: string[];
  /** The built app (dist/); without it only the API is served. */
  staticDir?: string;
  /** Where the request lines go; console.log by default. */
  log?: LogLine;
  now?: () => Date;
  /** Per-address token buckets on /api/v1 (not /health); off when absent. cli/main.ts always sets it. */
  rateLimit?: RateLimitOptions;
  /** Responses per address and per kiosk device an hour (responses/intake.ts); DEFAULT_INTAKE_LIMITS when absent. */
  intakeLimits?: IntakeLimits;
  /** The client's address for the rate limiter and the intake limits: the socket's by default (client-address.ts). */
  clientAddress?: (c: Context) => string | undefined;
  /** How wrong sign-ins (per address, per account) are slowed; DEFAULT_SIGN_IN_THROTTLE when absent. */
  signInThrottle?: SignInThrottleOptions;
}
