import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { signIn, TooManySignInsError } from "../collector/session";
import { Field } from "../components/field";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useOneAtATime } from "../hooks/use-one-at-a-time";
import { PasskeySignIn } from "./account/passkey-sign-in";
import { collectorProblem, ProblemDetails, type ProblemText } from "./collector-problem";

type Failure =
  | { kind: "rejected" }
  | { kind: "slowed"; seconds: number }
  | { kind: "problem"; problem: ProblemText };

/**
 * Sign-in with an account's login and password, or with the organizer token, which signs people in
 * only until the first admin account exists (then it is for scripts). What is typed goes to the
 * collector once and is not kept: the session lives in an HttpOnly cookie. `rejected` says the last
 * session ended or was refused.
 */
export function TokenForm({ rejected, onSignedIn }: { rejected: boolean; onSignedIn(): void }) {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [token, setToken] = useState("");
  const [failure, setFailure] = useState<Failure | undefined>(rejected ? { kind: "rejected" } : undefined);
  const inputRef = useFocusOnShow<HTMLInputElement>();
  const [busy, once] = useOneAtATime();

  const byAccount = login.trim() !== "" && password !== "";
  const ready = byAccount || token.trim() !== "";
  const submit = async () => {
    if (!ready) return;
    try {
      await signIn(byAccount ? { login: login.trim(), password } : { token: token.trim() });
      setPassword("");
      setToken("");
      onSignedIn();
    } catch (error) {
      setFailure(
        error instanceof TooManySignInsError
          ? { kind: "slowed", seconds: error.retryAfter }
          : error instanceof UnauthorizedError
            ? { kind: "rejected" }
            : { kind: "problem", problem: collectorProblem(error) },
      );
    }
  };

  return (
    <form
      class="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        once(submit);
      }}
    >
      {failure && (
        <div class="notice notice--error" role="alert">
          {failure.kind === "problem" ? (
            <ProblemDetails problem={failure.problem} />
          ) : (
            <p>
              {failure.kind === "slowed"
                ? t("organizer.tooManyTries", { seconds: failure.seconds })
                : t("dashboard.signInRejected")}
            </p>
          )}
        </div>
      )}
      <PasskeySignIn onSignedIn={onSignedIn} />
      <fieldset>
        <legend>{t("dashboard.accountLegend")}</legend>
        <Field id="account-login" label={t("dashboard.loginLabel")}>
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellcheck={false}
              value={login}
              onInput={(event) => setLogin(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="account-password" label={t("dashboard.passwordLabel")}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t("dashboard.tokenLegend")}</legend>
        <Field id="organizer-token" label={t("dashboard.tokenLabel")} hint={t("organizer.signInHelp")}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="off"
              value={token}
              onInput={(event) => setToken(event.currentTarget.value)}
            />
          )}
        </Field>
      </fieldset>
      <button type="submit" class="button button--primary" disabled={!ready} aria-disabled={busy}>
        {t("organizer.signIn")}
      </button>
    </form>
  );
}
