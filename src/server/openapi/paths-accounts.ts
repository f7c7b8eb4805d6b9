import { json, jsonBody, organizer, problem, unauthorized } from "./parts";

const accountId = { name: "id", in: "path", required: true, schema: { type: "string" } };

/** People's accounts and the audit log (admin). */
export const accountPaths = {
  "/accounts": {
    get: {
      ...organizer,
      summary: "Every account, by login (admin; never a password hash)",
      responses: { "200": json("AccountList", "The accounts"), ...unauthorized },
    },
    post: {
      ...organizer,
      summary: "Create an account with a first password (admin; audited)",
      requestBody: jsonBody("NewAccountRequest"),
      responses: {
        "201": json("Account", "The account"),
        "400": problem("Malformed body (a login of a-z 0-9 . _ -, a password of 12 characters or more)"),
        ...unauthorized,
        "409": problem("login_taken"),
      },
    },
  },
  "/accounts/{id}": {
    patch: {
      ...organizer,
      summary:
        "Change an account's display name, role, survey scope or disabled state (admin; audited); a change of role or scope, or a disable, ends its sessions",
      parameters: [accountId],
      requestBody: jsonBody("AccountPatchRequest"),
      responses: {
        "200": json("Account", "The account after the change"),
        "400": problem("Malformed body, or nothing to change"),
        ...unauthorized,
        "404": problem("account_not_found"),
      },
    },
  },
  "/audit": {
    get: {
      ...organizer,
      summary:
        "The append-only audit log, newest first (admin): who, when, what, to what; never an answer, password or token",
      parameters: [
        {
          name: "format",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["json", "csv"] },
          description: "csv: UTF-8 with BOM, CRLF, formula cells neutralised, detail as JSON",
        },
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 10000 },
        },
        {
          name: "before",
          in: "query",
          required: false,
          schema: { type: "string", format: "date-time" },
          description: "Only entries before this instant, to page back",
        },
      ],
      responses: {
        "200": {
          description: "The entries",
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/AuditList" } },
            "text/csv": { schema: { type: "string" } },
          },
        },
        "400": problem("Bad format, limit or before"),
        ...unauthorized,
      },
    },
  },
};
