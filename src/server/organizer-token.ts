import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface OrganizerToken {
  token: string;
  /** How it was obtained, so start-up can print a new token once and never again. */
  source: "env" | "file" | "generated";
  file?: string;
}

/**
 * ORGANIZER_TOKEN when set; else the token kept in DATA_DIR/organizer-token (mode 0600), made at
 * the first start, so a restart keeps the dashboard's saved token valid.
 */
export function resolveOrganizerToken(fromEnv: string | undefined, dataDir: string): OrganizerToken {
  const env = fromEnv?.trim();
  if (env) return { token: env, source: "env" };
  const file = join(dataDir, "organizer-token");
  if (existsSync(file)) {
    const token = readFileSync(file, "utf8").trim();
    if (token) return { token, source: "file", file };
  }
  const token = randomBytes(32).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, source: "generated", file };
}
