import { json, jsonBody, problem } from "./parts";

/** The dashboard's sign-in. */
export const sessionPaths = {
  "/session": {
    post: {
      summary:
        "Sign in with an account's login and password, or with the bootstrap organizer token while no admin account exists: sets the session cookie (8 hours)",
      requestBody: jsonBody("SignInRequest"),
      responses: {
        "200": {
          description:
            "Signed in ({ signedIn, expiresAt, account? }); Set-Cookie: tsunagu_session (HttpOnly, SameSite=Strict), and for an account tsunagu_known (lets this browser past its account's sign-in throttle)",
        },
        "401": problem(
          "Not an account's login and password, not the organizer token, or the token once an admin exists",
        ),
        "403": problem("Origin of another site"),
        "429": problem("Too many wrong tries from this address or at this account: wait Retry-After seconds"),
      },
    },
    get: {
      summary: "Whether the session cookie is signed in, and as which account (anyone may ask)",
      responses: { "200": json("SessionState", "{ signedIn, account? }") },
    },
    delete: {
      summary: "Sign out: the session ends and the cookie is cleared",
      responses: { "204": { description: "Signed out" }, "403": problem("Origin of another site") },
    },
  },
};
