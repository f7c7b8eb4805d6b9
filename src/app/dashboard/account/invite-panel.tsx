import { useState } from "preact/hooks";
import { ROLES, type Role } from "../../../contract/accounts";
import type { CreatedInvitation } from "../../../contract/invitations";
import { t } from "../../../i18n";
import { createInvitation } from "../../collector/account-api";
import { Field } from "../../components/field";
import { useLocale } from "../../locale-context";
import { ProblemDetails } from "../collector-problem";
import { useAccountAction } from "./use-account-action";
import { formatDateTime } from "./when";

/** An admin invites someone: a role and a login suggested, for every survey; the one-time link shown. */
export function InvitePanel({ onUnauthorized }: { onUnauthorized(): void }) {
  const { locale } = useLocale();
  const { busy, problem, run } = useAccountAction(onUnauthorized);
  const [role, setRole] = useState<Role>("analyst");
  const [login, setLogin] = useState("");
  const [made, setMade] = useState<CreatedInvitation>();
  const invite = () => {
    let created: CreatedInvitation | undefined;
    const suggested = login.trim().toLowerCase();
    run(
      async () => {
        created = await createInvitation({ role, surveys: "all", ...(suggested && { login: suggested }) });
      },
      () => setMade(created),
    );
  };
  return (
    <section class="account-panel" aria-labelledby="account-invite-title">
      <h3 id="account-invite-title">{t("account.inviteTitle")}</h3>
      {problem && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails problem={problem} />
        </div>
      )}
      {made && (
        <div class="notice" role="status">
          <p>{t("account.inviteLinkLead", { at: formatDateTime(made.invitation.expiresAt, locale) })}</p>
          <code class="account-secret">{made.url}</code>
        </div>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          invite();
        }}
      >
        <Field id="invite-role" label={t("account.role")}>
          {(control) => (
            <select
              {...control}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`account.roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="invite-login" label={t("account.inviteLogin")}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoCapitalize="none"
              spellcheck={false}
              value={login}
              onInput={(event) => setLogin(event.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="button" aria-disabled={busy}>
          {t("account.createInvite")}
        </button>
      </form>
    </section>
  );
}
