import { json, jsonBody, organizer, problem, unauthorized } from "./parts";

const noAccount = { "409": problem("account_required: the organizer token has no API tokens of its own") };

/** An account's named API tokens for scripts. */
export const apiTokenPaths = {
  "/api-tokens": {
    get: {
      ...organizer,
      summary:
        "The signed-in account's live API tokens, newest first: name, created, expiry, last used (never the secret)",
      responses: { "200": json("ApiTokenList", "{ tokens }"), ...unauthorized, ...noAccount },
    },
    post: {
      ...organizer,
      summary:
        "Make a named API token (audited): the secret is in this answer only; send it as Authorization: Bearer to act as the account, with its role and scope",
      requestBody: jsonBody("NewApiTokenRequest"),
      responses: {
        "201": json("CreatedApiToken", "{ token, apiToken }"),
        "400": problem("Malformed body (a name of 1 to 100 characters; expiresInDays 1 to 366)"),
        ...unauthorized,
        ...noAccount,
      },
    },
  },
  "/api-tokens/{id}": {
    delete: {
      ...organizer,
      summary: "Revoke one of the account's API tokens (audited): it is refused (401) from then on",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "204": { description: "Revoked" },
        ...unauthorized,
        "404": problem("api_token_not_found"),
        ...noAccount,
      },
    },
  },
};
