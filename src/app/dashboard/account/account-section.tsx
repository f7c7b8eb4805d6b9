import { t } from "../../../i18n";
import { sessionState } from "../../collector/session";
import { latest } from "../../hooks/use-resource";
import { useOrganizerResource } from "../use-organizer-resource";
import { ApiTokensPanel } from "./api-tokens-panel";
import { InvitePanel } from "./invite-panel";
import { PasskeysPanel } from "./passkeys-panel";
import { SessionsPanel } from "./sessions-panel";
import "./account.css";

/**
 * "Your account": where it is signed in, its API tokens and passkeys, and for an admin of every
 * survey the invitation of someone. Nothing for the bootstrap token's session, which is no account.
 */
export function AccountSection({ onUnauthorized, onSignOut }: { onUnauthorized(): void; onSignOut(): void }) {
  const [state] = useOrganizerResource(sessionState, "session-state", onUnauthorized);
  const account = latest(state)?.account;
  if (!account) return null;
  return (
    <section class="account-section" aria-labelledby="account-title">
      <h2 id="account-title">{t("account.title", { name: account.displayName })}</h2>
      <SessionsPanel onUnauthorized={onUnauthorized} onSignOut={onSignOut} />
      <PasskeysPanel onUnauthorized={onUnauthorized} />
      <ApiTokensPanel onUnauthorized={onUnauthorized} />
      {account.role === "admin" && account.surveys === "all" && (
        <InvitePanel onUnauthorized={onUnauthorized} />
      )}
    </section>
  );
}
