import { json, jsonBody, organizer, problem, unauthorized } from "./parts";

const noAccount = { "409": problem("account_required: the organizer token has no passkeys") };
const options = (what: string) => ({
  description: `${what} (PublicKeyCredential…OptionsJSON, for @simplewebauthn/browser); its challenge works once, for 5 minutes`,
  content: { "application/json": { schema: { type: "object" } } },
});

/** Passkeys (WebAuthn): an account's own, and signing in with one. */
export const passkeyPaths = {
  "/passkeys": {
    get: {
      ...organizer,
      summary: "The signed-in account's passkeys, newest first: name, created, last used",
      responses: { "200": json("PasskeyList", "{ passkeys }"), ...unauthorized, ...noAccount },
    },
    post: {
      ...organizer,
      summary: "Register a passkey (audited): the browser's answer to POST /passkeys/options, and a name",
      requestBody: jsonBody("NewPasskeyRequest"),
      responses: {
        "201": json("Passkey", "The passkey"),
        "400": problem(
          "Malformed body, or passkey_refused: the answer does not check (challenge, origin, RP ID)",
        ),
        ...unauthorized,
        ...noAccount,
      },
    },
  },
  "/passkeys/options": {
    post: {
      ...organizer,
      summary: "Start registering a passkey for the signed-in account (a discoverable one is asked for)",
      responses: { "200": options("Creation options"), ...unauthorized, ...noAccount },
    },
  },
  "/passkeys/{id}": {
    delete: {
      ...organizer,
      summary: "Remove one of the account's passkeys (audited)",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "204": { description: "Removed" },
        ...unauthorized,
        "404": problem("passkey_not_found"),
        ...noAccount,
      },
    },
  },
  "/session/passkey/options": {
    post: {
      summary:
        "Start signing in with a passkey: by login (its passkeys offered) or without (a discoverable passkey names its account)",
      requestBody: jsonBody("PasskeySignInOptionsRequest"),
      responses: { "200": options("Request options"), "400": problem("Malformed body") },
    },
  },
  "/session/passkey": {
    post: {
      summary:
        "Sign in with a passkey: the browser's answer to the options; sets the session cookie as POST /session does",
      requestBody: jsonBody("PasskeySignInRequest"),
      responses: {
        "200": { description: "Signed in ({ signedIn, expiresAt, account }); Set-Cookie: tsunagu_session" },
        "400": problem(
          "Malformed body, or passkey_refused: challenge used or expired, signature or counter wrong",
        ),
        "401": problem("No enabled account has this passkey"),
        "403": problem("Origin of another site"),
      },
    },
  },
};
