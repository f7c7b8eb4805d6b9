import { mkdirSync } from "node:fs";
import { text } from "node:stream/consumers";
import { openStorage } from "../storage/open";
import { runAdminCommand } from "./admin-command";
import { readConfig } from "./config";

/** `npm run admin -- create LOGIN`: see admin-command.ts. The database is the collector's own. */
async function main(args: string[]): Promise<number> {
  const config = readConfig(process.env);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const storage = openStorage(config);
  try {
    await storage.migrate();
    return await runAdminCommand(args, {
      storage,
      readPassword: async () =>
        process.env.ADMIN_PASSWORD ?? (await text(process.stdin)).split("\n")[0] ?? "",
      output: { out: (line) => console.log(line), err: (line) => console.error(line) },
    });
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`the admin command failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
