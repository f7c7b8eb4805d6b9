import { randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_BODY_LENGTH, checkCharacter } from "../../domain/invitation-code";

/** A fresh invitation code from the system's cryptographic randomness: 8 characters and the check. */
export function newInvitationCode(): string {
  let body = "";
  for (let i = 0; i < CODE_BODY_LENGTH; i++) body += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return body + checkCharacter(body);
}
