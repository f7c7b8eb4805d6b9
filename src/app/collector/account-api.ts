import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { EndedSessions, SessionList } from "../../contract/account-sessions";
import { ApiTokenList, CreatedApiToken } from "../../contract/api-tokens";
import { CreatedInvitation, InvitationPreview, type NewInvitationBody } from "../../contract/invitations";
import { PasskeyList } from "../../contract/passkeys";
import { apiErrorOf, collectorFetch, organizerFetch, UnauthorizedError } from "./organizer-fetch";

/** The signed-in account's own things (issue 22): sessions, API tokens, passkeys, invitations. */

export async function listSessions(): Promise<SessionList["sessions"]> {
  return SessionList.parse(await (await organizerFetch("/sessions", { cache: "no-store" })).json()).sessions;
}

export async function endSession(id: string): Promise<void> {
  await organizerFetch(`/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** Every other session of the account; the caller then signs this one out. */
export async function endOtherSessions(): Promise<number> {
  return EndedSessions.parse(await (await organizerFetch("/sessions", { method: "DELETE" })).json()).ended;
}

export async function listApiTokens(): Promise<ApiTokenList["tokens"]> {
  return ApiTokenList.parse(await (await organizerFetch("/api-tokens", { cache: "no-store" })).json()).tokens;
}

export async function createApiToken(name: string, expiresInDays?: number): Promise<CreatedApiToken> {
  const body = { name, ...(expiresInDays !== undefined && { expiresInDays }) };
  return CreatedApiToken.parse(
    await (await organizerFetch("/api-tokens", { method: "POST", json: body })).json(),
  );
}

export async function revokeApiToken(id: string): Promise<void> {
  await organizerFetch(`/api-tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export async function listPasskeys(): Promise<PasskeyList["passkeys"]> {
  return PasskeyList.parse(await (await organizerFetch("/passkeys", { cache: "no-store" })).json()).passkeys;
}

/** Registers a passkey of this device for the signed-in account (the browser asks the person). */
export async function addPasskey(name: string): Promise<void> {
  const options = await (await organizerFetch("/passkeys/options", { method: "POST", json: {} })).json();
  const response = await startRegistration({ optionsJSON: options });
  await organizerFetch("/passkeys", { method: "POST", json: { name, response } });
}

export async function removePasskey(id: string): Promise<void> {
  await organizerFetch(`/passkeys/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** Signs in with a discoverable passkey; UnauthorizedError when no account here has it. */
export async function signInWithPasskey(): Promise<void> {
  const optionsAnswer = await collectorFetch("/session/passkey/options", { method: "POST", json: {} });
  if (!optionsAnswer.ok) throw await apiErrorOf(optionsAnswer);
  const response = await startAuthentication({ optionsJSON: await optionsAnswer.json() });
  const answer = await collectorFetch("/session/passkey", { method: "POST", json: { response } });
  if (answer.status === 401) throw new UnauthorizedError("HTTP 401");
  if (!answer.ok) throw await apiErrorOf(answer);
}

export async function createInvitation(body: NewInvitationBody): Promise<CreatedInvitation> {
  return CreatedInvitation.parse(
    await (await organizerFetch("/invitations", { method: "POST", json: body })).json(),
  );
}

export async function invitationPreview(token: string): Promise<InvitationPreview> {
  const answer = await collectorFetch("/invitation", { method: "POST", json: { token } });
  if (!answer.ok) throw await apiErrorOf(answer);
  return InvitationPreview.parse(await answer.json());
}

/** Makes the invitee's account and signs it in (the collector sets the session cookie). */
export async function acceptInvitation(body: {
  token: string;
  login: string;
  displayName: string;
  password: string;
}): Promise<void> {
  const answer = await collectorFetch("/invitation/accept", { method: "POST", json: body });
  if (!answer.ok) throw await apiErrorOf(answer);
}
