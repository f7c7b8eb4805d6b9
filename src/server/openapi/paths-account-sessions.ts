import { json, jsonBody, organizer, problem, unauthorized } from "./parts";

const id = (what: string) => ({
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string" },
  description: what,
});
const noAccount = { "409": problem("account_required: the organizer token has no sessions of its own") };

/**
 * An account's own sessions and password; an admin's ending of another account's sessions, and
 * setting of another account's password.
 */
export const accountSessionPaths = {
  "/sessions": {
    get: {
      ...organizer,
      summary: "The signed-in account's live sessions, newest first, this one marked (never an id or token)",
      responses: { "200": json("SessionList", "{ sessions }"), ...unauthorized, ...noAccount },
    },
    delete: {
      ...organizer,
      summary:
        "Sign out everywhere else: every other session of the account ends (audited); DELETE /session ends this one",
      responses: { "200": json("EndedSessions", "{ ended }: how many ended"), ...unauthorized, ...noAccount },
    },
  },
  "/sessions/{id}": {
    delete: {
      ...organizer,
      summary: "End one of the account's own sessions, by the id GET /sessions gave (audited)",
      parameters: [id("A session's id from GET /sessions")],
      responses: {
        "204": { description: "Ended" },
        ...unauthorized,
        "404": problem("session_not_found"),
        ...noAccount,
      },
    },
  },
  "/password": {
    post: {
      ...organizer,
      summary:
        "Change the account's own password (12 characters or more; audited): every other session of it ends",
      requestBody: jsonBody("PasswordChangeRequest"),
      responses: {
        "204": { description: "Changed" },
        "400": problem("Malformed body, or a new password under 12 characters"),
        ...unauthorized,
        "403": problem("wrong_password: the current password is not right; or forbidden"),
        ...noAccount,
        "429": problem("too_many_sign_ins: too many wrong current passwords; wait Retry-After"),
      },
    },
  },
  "/accounts/{id}/sessions": {
    delete: {
      ...organizer,
      summary: "End every session of another account (admin, scope all; audited)",
      parameters: [id("The account's id")],
      responses: {
        "200": json("EndedSessions", "{ ended }"),
        ...unauthorized,
        "404": problem("account_not_found"),
      },
    },
  },
  "/accounts/{id}/password": {
    put: {
      ...organizer,
      summary:
        "Set a new password for another account whose person forgot theirs (admin signed in, scope all; 12 characters or more; audited without it): every session of that account ends, and its sign-in wait is forgotten",
      parameters: [id("The account's id")],
      requestBody: jsonBody("PasswordSetRequest"),
      responses: {
        "200": json("EndedSessions", "{ ended }: how many of its sessions ended"),
        "400": problem("Malformed body, or a password under 12 characters"),
        ...unauthorized,
        "403": problem("forbidden: not an admin, or an API token (sign in)"),
        "404": problem("account_not_found"),
        "409": problem(
          "own_password: one's own password is changed with the current one (POST /password); account_required: the organizer token is no one",
        ),
      },
    },
  },
};
