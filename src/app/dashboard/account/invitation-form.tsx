import { useEffect, useState } from "preact/hooks";
import type { InvitationPreview } from "../../../contract/invitations";
import { t } from "../../../i18n";
import { acceptInvitation, invitationPreview } from "../../collector/account-api";
import { Field } from "../../components/field";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";
import { collectorProblem, ProblemDetails, type ProblemText } from "../collector-problem";

const HASH_KEY = "invitation=";

/** The invitation token of the address's fragment (`/dashboard#invitation=…`), if it has one. */
export function invitationToken(): string | undefined {
  const hash = window.location.hash.slice(1);
  return hash.startsWith(HASH_KEY) ? hash.slice(HASH_KEY.length) : undefined;
}

/**
 * The invitee's form: what the invitation offers, then a login (the suggested one filled in), a
 * name and a password; making the account uses the link up and signs in. The token is wiped from
 * the address bar once used, so it stays in no history entry that could be shared.
 */
export function InvitationForm({ token, onSignedIn }: { token: string; onSignedIn(): void }) {
  const [preview, setPreview] = useState<InvitationPreview>();
  const [problem, setProblem] = useState<ProblemText>();
  const [login, setLogin] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [busy, once] = useOneAtATime();
  useEffect(() => {
    invitationPreview(token).then(
      (found) => {
        setPreview(found);
        setLogin(found.login ?? "");
        setName(found.displayName ?? "");
      },
      (error) => setProblem(collectorProblem(error)),
    );
  }, [token]);
  const submit = () =>
    once(async () => {
      try {
        await acceptInvitation({
          token,
          login: login.trim().toLowerCase(),
          displayName: name.trim(),
          password,
        });
        history.replaceState(null, "", window.location.pathname + window.location.search);
        onSignedIn();
      } catch (error) {
        setProblem(collectorProblem(error));
      }
    });
  return (
    <form
      class="invitation-form"
      aria-labelledby="invitation-title"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="invitation-title">{t("account.invitationTitle")}</h2>
      {problem && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails problem={problem} />
        </div>
      )}
      {preview && (
        <>
          <p>{t("account.invitationLead", { role: t(`account.roles.${preview.role}`) })}</p>
          <Field id="invitation-login" label={t("dashboard.loginLabel")}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellcheck={false}
                value={login}
                onInput={(event) => setLogin(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="invitation-name" label={t("account.displayName")}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="name"
                value={name}
                onInput={(event) => setName(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="invitation-password" label={t("account.newPassword")}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                minLength={12}
                value={password}
                onInput={(event) => setPassword(event.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" class="button button--primary" aria-disabled={busy}>
            {t("account.createAccount")}
          </button>
        </>
      )}
    </form>
  );
}
