/**
 * The staff PIN, kept only as a salted PBKDF2-SHA-256 hash: a respondent who opens the browser's
 * storage cannot read it back. A 4–8 digit PIN is weak against a patient attacker with the hash;
 * the hash stops casual reading, and the tablet is in staff's sight. crypto.subtle needs a secure
 * context (https or localhost).
 */
export interface PinHash {
  salt: string;
  hash: string;
  iterations: number;
}

const ITERATIONS = 100_000;

export const isValidPin = (pin: string) => /^\d{4,8}$/.test(pin);

const toHex = (bytes: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    256,
  );
  return toHex(bits);
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toHex(salt), hash: await derive(pin, salt, ITERATIONS), iterations: ITERATIONS };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  return (await derive(pin, fromHex(stored.salt), stored.iterations)) === stored.hash;
}
