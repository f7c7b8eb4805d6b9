import { resolve } from "node:path";

export interface CollectorConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  organizerToken: string | undefined;
  corsOrigins: string[];
  surveyDirs: string[];
  staticDir: string;
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
  };
}
