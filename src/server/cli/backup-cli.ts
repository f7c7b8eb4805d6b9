import { openBackupStorage } from "../storage/open";
import { BACKUP_USAGE, type BackupVerb, runBackupCommand } from "./backup-command";
import { readConfig } from "./config";

/** `npm run backup|restore|move-to-postgres`: the verb comes from package.json, see backup-command.ts. */
async function main([verb, ...args]: string[]): Promise<number> {
  if (!verb || !(verb in BACKUP_USAGE)) {
    console.error(`usage: backup-cli.ts ${Object.keys(BACKUP_USAGE).join("|")} …`);
    return 2;
  }
  const config = readConfig(process.env);
  return runBackupCommand(verb as BackupVerb, args, {
    config,
    // npm runs scripts in the package folder; a relative path means the folder the user typed it in.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    open: openBackupStorage,
    output: { out: (line) => console.log(line), err: (line) => console.error(line) },
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`the command failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
