import { problem } from "./parts";

/** The dashboard's sign-in. */
export const sessionPaths = {
  "/session": {
    post: {
      summary: "Dashboard sign-in with the organizer token: sets the session cookie (8 hours)",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object", properties: { token: { type: "string" } }, required: ["token"] },
          },
        },
      },
      responses: {
        "200": { description: "Signed in; Set-Cookie: tsunagu_session (HttpOnly, SameSite=Strict)" },
        "401": problem("Not the organizer token"),
        "403": problem("Origin of another site"),
        "429": problem("Too many wrong tokens from this client: wait Retry-After seconds"),
      },
    },
    get: {
      summary: "Whether the session cookie is signed in (anyone may ask; the answer says only yes or no)",
      responses: { "200": { description: '{"signedIn": true} or {"signedIn": false}' } },
    },
    delete: {
      summary: "Sign out: the session ends and the cookie is cleared",
      responses: { "204": { description: "Signed out" }, "403": problem("Origin of another site") },
    },
  },
};
