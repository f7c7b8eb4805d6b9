import "../domain/zod-config";
import { z } from "zod/mini";
import { DisplayName, Login, Password, Role, SurveyScope } from "./accounts";

/** POST /invitations (admin): what the invitee's account will be; the login is a suggestion. */
export const NewInvitationBody = z.object({
  role: Role,
  surveys: SurveyScope,
  login: z.optional(Login),
  displayName: z.optional(DisplayName),
  /** How long the link works: 1 to 30 days, 7 when absent. */
  expiresInDays: z.optional(z.int().check(z.minimum(1), z.maximum(30))),
});
export type NewInvitationBody = z.infer<typeof NewInvitationBody>;

/** An open invitation as an admin lists it: never its link's token. */
export const Invitation = z.object({
  id: z.string(),
  role: Role,
  surveys: SurveyScope,
  login: z.nullable(z.string()),
  displayName: z.nullable(z.string()),
  /** The inviter's login. */
  createdBy: z.nullable(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/** 201 of POST /invitations: `url` (its token in the fragment, which no server logs) is shown only here. */
export const CreatedInvitation = z.object({ invitation: Invitation, url: z.string() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

/** GET /invitations (admin): the open ones, newest first. */
export const InvitationList = z.object({ invitations: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;

/** The link's token, as the invitee's browser read it from the fragment. */
const InvitationToken = z.string().check(z.minLength(1), z.maxLength(200));

/** POST /invitation: what an open invitation offers, for the invitee's form. */
export const InvitationLookupBody = z.object({ token: InvitationToken });
export const InvitationPreview = z.object({
  role: Role,
  surveys: SurveyScope,
  login: z.nullable(z.string()),
  displayName: z.nullable(z.string()),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** POST /invitation/accept: the invitee's own login, name and password; the link is used up. */
export const AcceptInvitationBody = z.object({
  token: InvitationToken,
  login: Login,
  displayName: DisplayName,
  password: Password,
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;
