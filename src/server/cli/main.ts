import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../app";
import { resolveOrganizerToken } from "../auth/organizer-token";
import { startBackupSchedule } from "../backup/schedule";
import { clientAddress } from "../http/client-address";
import { openPublishedSurveys } from "../published-surveys";
import { openBackupStorage, openStorage } from "../storage/open";
import { readConfig } from "./config";

/** Start-up: environment, data directory, token, database and migrations, surveys, then listen. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  mkdirSync(config.dataDir, { recursive: true });
  const token = resolveOrganizerToken(config.organizerToken, config.dataDir);
  const storage = openStorage(config);
  const ran = await storage.migrate();
  if (ran.length > 0) console.log(`database: ran ${ran.join(", ")}`);
  // The shipped surveys/ seed the published versions the database lacks; the registry is what it holds.
  const { surveys, seeded } = await openPublishedSurveys(storage, config.surveyDirs);
  if (seeded.length > 0) console.log(`surveys: stored ${seeded.join(", ")} from surveys/`);

  const built = existsSync(join(config.staticDir, "index.html"));
  const app = createApp({
    storage,
    surveys,
    organizerToken: token.token,
    corsOrigins: config.corsOrigins,
    rateLimit: config.rateLimit,
    intakeLimits: config.intakeLimits,
    clientAddress: clientAddress(config.trustedProxyHops),
    ...(built && { staticDir: config.staticDir }),
  });

  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(`storage: ${storage.kind}${storage.kind === "sqlite" ? ` in ${config.dataDir}` : ""}`);
    console.log(
      `surveys: ${
        surveys
          .summaries()
          .map((s) => `${s.id} v${s.version}`)
          .join(", ") || "none"
      }`,
    );
    if (!built)
      console.log(
        `the app is not built (no ${config.staticDir}/index.html): serving the API only; run \`npm run build\``,
      );
    if (token.source === "generated")
      console.log(`ORGANIZER TOKEN (shown once, kept in ${token.file}): ${token.token}`);
    console.log(`Tsunagu collector listening on http://localhost:${info.port}`);
  });

  const backups =
    config.backup && startBackupSchedule(config.backup, () => openBackupStorage(config), console.log);
  if (config.backup)
    console.log(
      `backup: every ${config.backup.everyHours} h into ${config.backup.dir}, keeping ${config.backup.keep}`,
    );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    backups?.stop();
    console.log(`${signal}: closing`);
    // Let requests in flight finish (their commits are what the devices wait for), then close.
    server.close(() => {
      storage.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`the collector did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
