import { createHash, randomBytes } from "node:crypto";

/**
 * A kiosk device's bearer token: 32 random bytes (256 bits), base64url. Being random, it needs no
 * salt or slow hash: sha256 is enough to make the stored value useless to whoever reads the table.
 */
export function newDeviceToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashDeviceToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
