import { json, jsonBody, organizer, problem, unauthorized } from "./parts";

const invalid = { "404": problem("invitation_invalid: used, withdrawn, expired, or never made") };

/** One-time invitation links: an admin makes them; the invitee, signed in by none, uses one. */
export const invitationPaths = {
  "/invitations": {
    get: {
      ...organizer,
      summary: "The open invitations, newest first (admin, scope all; never a link's token)",
      responses: { "200": json("InvitationList", "{ invitations }"), ...unauthorized },
    },
    post: {
      ...organizer,
      summary:
        "Invite someone (admin, scope all; audited): the account's role and scope, a login suggested; the one-time URL (its token in the fragment) is in this answer only",
      requestBody: jsonBody("NewInvitationRequest"),
      responses: {
        "201": json("CreatedInvitation", "{ invitation, url }"),
        "400": problem("Malformed body (expiresInDays 1 to 30)"),
        ...unauthorized,
      },
    },
  },
  "/invitations/{id}": {
    delete: {
      ...organizer,
      summary: "Withdraw an open invitation (admin; audited): its link no longer works",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: { "204": { description: "Withdrawn" }, ...unauthorized, ...invalid },
    },
  },
  "/invitation": {
    post: {
      summary:
        "What an open invitation offers (anyone holding its token): role, scope, suggested login, expiry",
      requestBody: jsonBody("InvitationLookupRequest"),
      responses: {
        "200": json("InvitationPreview", "The invitation"),
        "400": problem("Malformed body"),
        ...invalid,
      },
    },
  },
  "/invitation/accept": {
    post: {
      summary:
        "Use an invitation (anyone holding its token; audited): makes the account with the chosen login and password, uses the link up, signs in (session cookie)",
      requestBody: jsonBody("AcceptInvitationRequest"),
      responses: {
        "201": {
          description:
            "The account made and signed in ({ signedIn, expiresAt, account }); Set-Cookie: tsunagu_session",
        },
        "400": problem("Malformed body (a login of a-z 0-9 . _ -, a password of 12 characters or more)"),
        "403": problem("Origin of another site"),
        ...invalid,
        "409": problem("login_taken: the link stays usable with another login"),
      },
    },
  },
};
