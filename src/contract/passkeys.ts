import "../domain/zod-config";
import { z } from "zod/mini";

/** A passkey as its account lists it: nothing of the key itself. */
export const Passkey = z.object({
  /** The credential id (base64url). */
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
});
export type Passkey = z.infer<typeof Passkey>;

/** GET /passkeys: the signed-in account's passkeys, newest first. */
export const PasskeyList = z.object({ passkeys: z.array(Passkey) });
export type PasskeyList = z.infer<typeof PasskeyList>;

/**
 * What the browser's navigator.credentials answered, as JSON (base64url fields, as
 * @simplewebauthn/browser gives it): checked here for its shape and size; the WebAuthn library
 * checks the rest (signature, challenge, origin, RP ID, counter).
 */
export const CredentialJson = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(1024)),
  rawId: z.string().check(z.maxLength(1024)),
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: z.string().check(z.minLength(1), z.maxLength(8192)) }),
});

/** POST /passkeys: the registration's answer, and a name to tell the passkey by. */
export const NewPasskeyBody = z.object({
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  response: CredentialJson,
});
export type NewPasskeyBody = z.infer<typeof NewPasskeyBody>;

/** POST /session/passkey/options: by login (its passkeys offered), or none (a discoverable passkey). */
export const PasskeySignInOptionsBody = z.object({
  login: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});

/** POST /session/passkey: the authentication's answer. */
export const PasskeySignInBody = z.object({ response: CredentialJson });
