import { resolve } from "node:path";
import type { BackupSchedule } from "../backup/schedule";
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from "../http/rate-limit";
import { DEFAULT_INTAKE_LIMITS, type IntakeLimits } from "../responses/intake";

export interface CollectorConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  organizerToken: string | undefined;
  corsOrigins: string[];
  surveyDirs: string[];
  staticDir: string;
  rateLimit: RateLimitOptions;
  intakeLimits: IntakeLimits;
  trustedProxyHops: number;
  /** Scheduled backups (BACKUP_DIR, BACKUP_EVERY hours, BACKUP_KEEP files); none without BACKUP_DIR. */
  backup: BackupSchedule | undefined;
}

/** The collector's settings from its environment, with defaults that serve one machine. */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): CollectorConfig {
  const port = Number(env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    dataDir: resolve(cwd, env.DATA_DIR || "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    organizerToken: env.ORGANIZER_TOKEN || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim().replace(/\/+$/, ""))
      .filter(Boolean),
    surveyDirs: [resolve(cwd, "surveys"), resolve(cwd, "surveys/archive")],
    // The built app; STATIC_DIR serves another build (the update e2e serves version A, then B).
    staticDir: resolve(cwd, env.STATIC_DIR || "dist"),
    rateLimit: {
      burst: positive(env, "RATE_LIMIT_BURST", DEFAULT_RATE_LIMIT.burst),
      perSecond: positive(env, "RATE_LIMIT_PER_SECOND", DEFAULT_RATE_LIMIT.perSecond),
    },
    intakeLimits: {
      addressCounted: wholeNumber(env, "ADDRESS_COUNTED_PER_HOUR", DEFAULT_INTAKE_LIMITS.addressCounted),
      addressStored: wholeNumber(env, "ADDRESS_STORED_PER_HOUR", DEFAULT_INTAKE_LIMITS.addressStored),
      deviceCounted: wholeNumber(env, "DEVICE_COUNTED_PER_HOUR", DEFAULT_INTAKE_LIMITS.deviceCounted),
      deviceStored: wholeNumber(env, "DEVICE_STORED_PER_HOUR", DEFAULT_INTAKE_LIMITS.deviceStored),
    },
    trustedProxyHops: wholeNumber(env, "TRUSTED_PROXY_HOPS", 0),
    backup: backupSchedule(env, cwd),
  };
}

/** setInterval's longest delay is 2^31-1 ms, about 24.8 days. */
const LONGEST_BACKUP_HOURS = 596;

function backupSchedule(env: NodeJS.ProcessEnv, cwd: string): BackupSchedule | undefined {
  if (!env.BACKUP_DIR) {
    for (const name of ["BACKUP_EVERY", "BACKUP_KEEP"])
      if (env[name])
        throw new Error(`${name} is set but BACKUP_DIR is not: set the folder for the backups too`);
    return undefined;
  }
  const everyHours = positive(env, "BACKUP_EVERY", 24);
  if (everyHours > LONGEST_BACKUP_HOURS)
    throw new Error(`BACKUP_EVERY must be at most ${LONGEST_BACKUP_HOURS} hours, not "${env.BACKUP_EVERY}"`);
  const keep = wholeNumber(env, "BACKUP_KEEP", 7);
  if (keep < 1) throw new Error(`BACKUP_KEEP must keep at least 1 backup, not "${env.BACKUP_KEEP}"`);
  return { dir: resolve(cwd, env.BACKUP_DIR), everyHours, keep };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${text}"`);
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${text}"`);
  return value;
}
