import { type Algorithm, hash, verify } from "@node-rs/argon2";

/**
 * Passwords are kept as argon2id PHC strings (salt and cost inside, so a later, costlier setting
 * still verifies older hashes). @node-rs/argon2: prebuilt binaries shipped in the npm registry's
 * platform packages (no install script, no compiler, a WASI build as fallback), and it hashes on
 * libuv's thread pool, so a sign-in never stalls the event loop that takes residents' answers.
 * Cost: OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane), about 0.1 s here.
 */
// Algorithm.Argon2id (a const enum, which this build cannot read at run time).
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** A hash of nothing anyone knows: an unknown login is checked against it, so it takes as long. */
let decoy: Promise<string> | undefined;

/** Whether `password` is the one `stored` was made from; an unknown login passes undefined. */
export async function passwordMatches(stored: string | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  const phc = stored ?? (await decoy);
  try {
    return (await verify(phc, password)) && stored !== undefined;
  } catch {
    // A stored hash that is not a PHC string opens nothing.
    return false;
  }
}
