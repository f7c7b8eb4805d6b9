import { useState } from "preact/hooks";
import { type Account, ROLES, type Role } from "../../../contract/accounts";
import type { SurveySummary } from "../../../contract/surveys";
import { localize } from "../../../domain/locales";
import { t } from "../../../i18n";
import { createAccount } from "../../collector/accounts-api";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { useLocale } from "../../locale-context";
import { collectorProblem, ProblemDetails, type ProblemText } from "../collector-problem";

/**
 * A new account for a member of the team: login, name, role, which surveys, and a first password
 * the admin hands over (at least 12 characters; the collector checks it again and says what is wrong).
 */
export function NewAccountForm(props: {
  surveys: readonly SurveySummary[];
  onCreated(account: Account): void;
  onUnauthorized(): void;
}) {
  const { locale } = useLocale();
  const [login, setLogin] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const [allSurveys, setAllSurveys] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<ProblemText | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!allSurveys && chosen.length === 0) {
      setProblem({ summary: t("accounts.chooseSurvey"), details: [] });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const account = await createAccount({
        login: login.trim().toLowerCase(),
        displayName,
        role,
        surveys: allSurveys ? "all" : chosen,
        password,
      });
      setLogin("");
      setDisplayName("");
      setPassword("");
      props.onCreated(account);
    } catch (error) {
      if (error instanceof UnauthorizedError) return props.onUnauthorized();
      setProblem(collectorProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack new-account" onSubmit={submit} aria-labelledby="new-account-title">
      <h3 id="new-account-title">{t("accounts.newTitle")}</h3>
      <label class="control">
        <span class="field-label">{t("accounts.login")}</span>
        <input
          id="new-account-login"
          required
          autocomplete="off"
          pattern="[a-z0-9][a-z0-9._\-]{1,63}"
          aria-describedby="new-account-login-help"
          value={login}
          onInput={(event) => setLogin(event.currentTarget.value)}
        />
        <span id="new-account-login-help" class="hint">
          {t("accounts.loginHelp")}
        </span>
      </label>
      <label class="control">
        <span class="field-label">{t("accounts.displayName")}</span>
        <input
          id="new-account-name"
          required
          value={displayName}
          onInput={(event) => setDisplayName(event.currentTarget.value)}
        />
      </label>
      <label class="control">
        <span class="field-label">{t("accounts.role")}</span>
        <select
          id="new-account-role"
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`accounts.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t("accounts.scope")}</legend>
        <label class="checkbox-line">
          <input type="radio" name="scope" checked={allSurveys} onChange={() => setAllSurveys(true)} />
          {t("accounts.allSurveys")}
        </label>
        <label class="checkbox-line">
          <input type="radio" name="scope" checked={!allSurveys} onChange={() => setAllSurveys(false)} />
          {t("accounts.someSurveys")}
        </label>
        {!allSurveys &&
          props.surveys.map((survey) => (
            <label key={survey.id} class="checkbox-line">
              <input
                type="checkbox"
                checked={chosen.includes(survey.id)}
                onChange={(event) =>
                  setChosen((ids) =>
                    event.currentTarget.checked ? [...ids, survey.id] : ids.filter((id) => id !== survey.id),
                  )
                }
              />
              {localize(survey.title, locale)}
            </label>
          ))}
      </fieldset>
      <label class="control">
        <span class="field-label">{t("accounts.password")}</span>
        <input
          id="new-account-password"
          type="password"
          required
          minLength={12}
          autocomplete="new-password"
          aria-describedby="new-account-password-help"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <span id="new-account-password-help" class="hint">
          {t("accounts.passwordHelp")}
        </span>
      </label>
      <div aria-live="polite">
        {problem && (
          <div class="notice notice--error" role="alert">
            <ProblemDetails problem={problem} />
          </div>
        )}
      </div>
      <p>
        <button type="submit" class="button" aria-disabled={busy}>
          {t("accounts.create")}
        </button>
      </p>
    </form>
  );
}
