/**
 * An invitation code of a mailed letter: 8 random characters and a check character, from 31
 * characters that cannot be misread for each other (no 0/O, 1/I/L). The check is a weighted sum
 * modulo 31, a prime: with weights 1…9, every single substitution changes the sum by w·d, and every
 * swap of two neighbours by ±d (d ≠ 0 the characters' difference), never a multiple of 31, so both
 * are always caught. Tiny on purpose: the respondent's first screen checks a typed code with it.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_BODY_LENGTH = 8;
export const CODE_LENGTH = CODE_BODY_LENGTH + 1;
const N = CODE_ALPHABET.length;

/** The check character of an 8-character body of CODE_ALPHABET characters. */
export function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < CODE_BODY_LENGTH; i++) sum += (i + 1) * CODE_ALPHABET.indexOf(body.charAt(i));
  // The check x9 makes sum + 9·x9 ≡ 0 (mod 31); 7 is 9's inverse (63 = 2·31 + 1).
  const value = (((-sum * 7) % N) + N) % N;
  return CODE_ALPHABET.charAt(value);
}

/** Why a typed code is not a code: too short or long, a character codes never have, or a typo. */
export type CodeProblem = "length" | "character" | "check";

export type ParsedCode = { ok: true; code: string } | { ok: false; problem: CodeProblem };

/**
 * A code as a resident types or a URL carries it: dashes and spaces anywhere, any case. Its
 * normal form (nine characters, upper case) is what is stored and sent.
 */
export function parseInvitationCode(typed: string): ParsedCode {
  // NFKC makes the full-width letters and digits a Japanese keyboard types plain ones.
  const code = typed
    .normalize("NFKC")
    .replace(/[\s\-‐‑–—ー]/g, "")
    .toUpperCase();
  if (code.length !== CODE_LENGTH) return { ok: false, problem: "length" };
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return { ok: false, problem: "character" };
  if (checkCharacter(code) !== code.charAt(CODE_BODY_LENGTH)) return { ok: false, problem: "check" };
  return { ok: true, code };
}

/** A code in groups for reading and typing: ABCD-EFGH-J. */
export function formatInvitationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
