import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface OrganizerToken {
  token: string;
  /** How it was obtained, so start-up can print a new token once and never again. */
  source: "env" | "file" | "generated";
  file?: string;
}

/** The generated token is 43 characters (32 random bytes, base64url); a chosen one needs 32 at least. */
export const MIN_TOKEN_LENGTH = 32;
/** Different characters a token needs: 32 of "a" or "passwordpassword…" is long and still weak. */
export const MIN_TOKEN_VARIETY = 8;

/**
 * Why `token` is too weak to guard the organizer routes, or undefined when it will do. The token
 * opens every answer and export to whoever sends it, and sign-in lets the right token in even from
 * a throttled address (routes/session.ts), so its length and variety are what stop guessing.
 * `openssl rand -base64 32`, a UUID or the generated token all pass.
 */
export function weakTokenReason(token: string): string | undefined {
  if (/\s/.test(token))
    return "it holds a space or another blank, which an Authorization header cannot carry";
  const length = [...token].length;
  if (length < MIN_TOKEN_LENGTH)
    return `it is ${length} characters long; it needs at least ${MIN_TOKEN_LENGTH}`;
  const variety = new Set(token).size;
  if (variety < MIN_TOKEN_VARIETY)
    return `it uses only ${variety} different characters; it needs at least ${MIN_TOKEN_VARIETY}`;
  return undefined;
}

/**
 * ORGANIZER_TOKEN when set; else the token kept in DATA_DIR/organizer-token (mode 0600), made at
 * the first start, so a restart keeps the dashboard's saved token valid. A weak token, set or
 * kept, stops start-up with an error saying why and how to make a good one.
 */
export function resolveOrganizerToken(fromEnv: string | undefined, dataDir: string): OrganizerToken {
  const env = fromEnv?.trim();
  if (env)
    return checked(
      { token: env, source: "env" },
      "ORGANIZER_TOKEN",
      "Set a random one, such as the output of `openssl rand -base64 32`, or unset it to have one generated",
    );
  const file = join(dataDir, "organizer-token");
  if (existsSync(file)) {
    const token = readFileSync(file, "utf8").trim();
    if (token)
      return checked(
        { token, source: "file", file },
        `the organizer token in ${file}`,
        "Delete the file to have a new one generated, or set ORGANIZER_TOKEN to a random one",
      );
  }
  const token = randomBytes(32).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, source: "generated", file };
}

function checked(token: OrganizerToken, what: string, remedy: string): OrganizerToken {
  const reason = weakTokenReason(token.token);
  if (reason) throw new Error(`${what} is too weak: ${reason}. ${remedy}`);
  return token;
}
