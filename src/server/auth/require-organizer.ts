import { createHash, timingSafeEqual } from "node:crypto";

// Hashing first gives both sides the same length, so neither the comparison nor an early length
// check reveals how long the token is or how much of it matched.
const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** The bootstrap organizer token's comparison, for requireRole (require-role.ts) and sign-in. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}
