import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import {
  AcceptInvitationBody,
  type CreatedInvitation,
  type Invitation,
  type InvitationList,
  InvitationLookupBody,
  type InvitationPreview,
  NewInvitationBody,
} from "../../contract/invitations";
import { uuidv7 } from "../../domain/uuid";
import { recordAudit } from "../audit/record";
import { rememberDevice } from "../auth/known-device";
import { hashSessionId, isHttps, sameOrigin, startSession } from "../auth/organizer-session";
import { hashPassword } from "../auth/password";
import { actorOf, principalOf } from "../auth/principal";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readBody } from "../http/read-body";
import type { AccountStorage, StoredAccount } from "../storage/account-storage";
import type { AuditStorage } from "../storage/audit-storage";
import type { InvitationStorage, StoredInvitation } from "../storage/invitation-storage";
import type { SessionStorage } from "../storage/session-storage";
import { publicAccount } from "./session";

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 7;

type Deps = DepsWith<
  InvitationStorage & AccountStorage & SessionStorage & AuditStorage,
  "organizerToken" | "now"
>;

const listed = ({
  tokenHash: _,
  usedAt: _u,
  accountId: _a,
  revokedAt: _r,
  ...rest
}: StoredInvitation): Invitation => rest;

const invalid = () =>
  new HttpProblem(
    "invitation_invalid",
    "this invitation link was used, withdrawn or has expired, or never was",
  );

/** This collector's own address as the request reached it (behind a TLS proxy: https). */
const siteOf = (c: Context) =>
  `${isHttps(c) ? "https" : "http"}://${c.req.header("Host") ?? new URL(c.req.url).host}`;

/**
 * One-time invitation links: an admin invites (role, scope, a login suggested) and gets a URL whose
 * token is in the fragment, so no access log holds it; the invitee opens the dashboard there, picks
 * a login and password, which uses the link up (one statement: never twice), makes the account and
 * signs them in. Making, withdrawing and using one are audited.
 */
export function invitationRoutes(deps: Deps): Hono {
  const now = () => deps.now?.() ?? new Date();
  /** The open invitation a token names at `at`, or 404 invitation_invalid. */
  const openInvitation = async (token: string, at: Date) => {
    const found = await deps.storage.invitationByHash(hashSessionId(token));
    if (!found || found.usedAt !== null || found.revokedAt !== null || found.expiresAt <= at.toISOString())
      throw invalid();
    return found;
  };
  return new Hono()
    .get("/invitations", requireRole("GET /invitations", deps), async (c) => {
      c.header("Cache-Control", "no-store");
      const invitations = (await deps.storage.openInvitations(now().toISOString())).map(listed);
      return c.json({ invitations } satisfies InvitationList);
    })
    .post("/invitations", requireRole("POST /invitations", deps), async (c) => {
      const body = await readBody(c, {
        maxBytes: 16 * 1024,
        schema: NewInvitationBody,
        what: '{ "role", "surveys", "login"?, "displayName"?, "expiresInDays"? (1 to 30) }',
      });
      const at = now();
      const token = randomBytes(32).toString("base64url");
      const invitation: StoredInvitation = {
        id: uuidv7(),
        tokenHash: hashSessionId(token),
        role: body.role,
        surveys: body.surveys,
        login: body.login ?? null,
        displayName: body.displayName ?? null,
        createdBy: actorOf(principalOf(c)),
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + (body.expiresInDays ?? DEFAULT_DAYS) * DAY_MS).toISOString(),
        usedAt: null,
        accountId: null,
        revokedAt: null,
      };
      await deps.storage.insertInvitation(invitation);
      await recordAudit(c, deps, "invitation_created", body.login ?? null, {
        invitationId: invitation.id,
        role: body.role,
        surveys: body.surveys === "all" ? "all" : body.surveys.join(" "),
        expiresAt: invitation.expiresAt,
      });
      c.header("Cache-Control", "no-store");
      const url = `${siteOf(c)}/dashboard#invitation=${token}`;
      return c.json({ invitation: listed(invitation), url } satisfies CreatedInvitation, 201);
    })
    .delete("/invitations/:id", requireRole("DELETE /invitations/:id", deps), async (c) => {
      const revoked = await deps.storage.revokeInvitation(c.req.param("id"), now().toISOString());
      if (!revoked) throw invalid();
      await recordAudit(c, deps, "invitation_revoked", revoked.login, { invitationId: revoked.id });
      return c.body(null, 204);
    })
    .post("/invitation", async (c) => {
      c.header("Cache-Control", "no-store");
      const { token } = await readBody(c, {
        maxBytes: 1024,
        schema: InvitationLookupBody,
        what: '{ "token" }',
      });
      const { role, surveys, login, displayName, expiresAt } = await openInvitation(token, now());
      return c.json({ role, surveys, login, displayName, expiresAt } satisfies InvitationPreview);
    })
    .post("/invitation/accept", async (c) => {
      if (c.req.header("Origin") !== undefined && !sameOrigin(c))
        throw new HttpProblem("cross_site_request", "accept an invitation from this site's own dashboard");
      const body = await readBody(c, {
        maxBytes: 4096,
        schema: AcceptInvitationBody,
        what: '{ "token", "login", "displayName", "password" } (a login of a-z 0-9 . _ -, a password of 12 characters or more)',
      });
      const at = now();
      await openInvitation(body.token, at);
      if (await deps.storage.accountByLogin(body.login))
        throw new HttpProblem("login_taken", `the login "${body.login}" is taken`);
      const id = uuidv7();
      const passwordHash = await hashPassword(body.password);
      const used = await deps.storage.consumeInvitation(hashSessionId(body.token), at.toISOString(), id);
      if (!used) throw invalid();
      const account: StoredAccount = {
        id,
        login: body.login,
        displayName: body.displayName,
        role: used.role,
        surveys: used.surveys,
        passwordHash,
        createdAt: at.toISOString(),
        disabledAt: null,
      };
      if (!(await deps.storage.insertAccount(account))) {
        // Taken between the check and now: the link stays usable with another login.
        await deps.storage.releaseInvitation(used.id);
        throw new HttpProblem("login_taken", `the login "${body.login}" is taken`);
      }
      await recordAudit(
        c,
        deps,
        "invitation_accepted",
        account.login,
        {
          invitationId: used.id,
          invitedBy: used.createdBy,
          role: used.role,
          surveys: used.surveys === "all" ? "all" : used.surveys.join(" "),
        },
        account.login,
      );
      const expiresAt = await startSession(c, deps.storage, at, { accountId: account.id });
      rememberDevice(c, deps.organizerToken, account.id, isHttps(c));
      return c.json({ signedIn: true, expiresAt, account: publicAccount(account) }, 201);
    });
}
