import { useState } from "preact/hooks";
import { type Account, ROLES, type Role } from "../../../contract/accounts";
import type { SurveySummary } from "../../../contract/surveys";
import { t } from "../../../i18n";
import { changeAccount, fetchAccounts } from "../../collector/accounts-api";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { ColumnHeads } from "../../components/column-heads";
import { LoadError } from "../../components/load-error";
import { Loading } from "../../components/loading";
import { useLocale } from "../../locale-context";
import { collectorProblem, ProblemDetails, type ProblemText } from "../collector-problem";
import { TableWrap } from "../table-wrap";
import { useOrganizerResource } from "../use-organizer-resource";
import { NewAccountForm } from "./new-account-form";
import { scopeText } from "./scope-text";
import { SetPassword } from "./set-password";

/**
 * The team's accounts (admin): who may do what, on which surveys. A change of role, scope or a
 * disabling ends that person's sessions at once (the collector's doing), so it takes effect now;
 * so does a new password set for a person who forgot theirs.
 */
export function AccountsSection(props: {
  surveys: readonly SurveySummary[];
  /** The signed-in admin's own account, whose password is changed under "Your account" instead. */
  selfId: string | undefined;
  onUnauthorized(): void;
}) {
  const { locale } = useLocale();
  const [reload, setReload] = useState(0);
  const [accounts, retry] = useOrganizerResource(fetchAccounts, reload, props.onUnauthorized, { keep: true });
  const [outcome, setOutcome] = useState<{ ok: string } | { problem: ProblemText } | undefined>();

  const change = async (account: Account, patch: { role?: Role; disabled?: boolean }) => {
    try {
      const after = await changeAccount(account.id, patch);
      setOutcome({ ok: t("accounts.changed", { login: after.login }) });
      setReload((n) => n + 1);
    } catch (error) {
      if (error instanceof UnauthorizedError) return props.onUnauthorized();
      setOutcome({ problem: collectorProblem(error) });
    }
  };
  const list = accounts.status === "ready" ? accounts.value : "last" in accounts ? accounts.last : undefined;

  return (
    <section class="dashboard-section" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t("sections.accounts")}</h2>
      <p class="hint">{t("accounts.lead")}</p>
      <div aria-live="polite">
        {outcome && "ok" in outcome && (
          <p class="notice" role="status">
            {outcome.ok}
          </p>
        )}
        {outcome && "problem" in outcome && (
          <div class="notice notice--error" role="alert">
            <ProblemDetails problem={outcome.problem} />
          </div>
        )}
      </div>
      {!list && accounts.status === "failed" && <LoadError onRetry={retry} />}
      {!list && accounts.status !== "failed" && <Loading />}
      {list && (
        <TableWrap label={t("sections.accounts")}>
          <table data-testid="accounts-table">
            <ColumnHeads
              columns={[
                t("accounts.login"),
                t("accounts.displayName"),
                t("accounts.role"),
                t("accounts.scope"),
                t("accounts.state"),
                t("accounts.passwordColumn"),
              ]}
            />
            <tbody>
              {list.length === 0 && (
                <tr>
                  <td colSpan={6}>{t("accounts.none")}</td>
                </tr>
              )}
              {list.map((account) => (
                <tr key={account.id}>
                  <th scope="row">{account.login}</th>
                  <td>{account.displayName}</td>
                  <td>
                    <select
                      aria-label={t("accounts.roleOf", { login: account.login })}
                      value={account.role}
                      onChange={(event) => void change(account, { role: event.currentTarget.value as Role })}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`accounts.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{scopeText(account.surveys, props.surveys, locale)}</td>
                  <td>
                    {account.disabledAt ? t("accounts.disabled") : t("accounts.active")}{" "}
                    <button
                      type="button"
                      class="button button--small button--secondary"
                      onClick={() => void change(account, { disabled: !account.disabledAt })}
                    >
                      {account.disabledAt
                        ? t("accounts.enable", { login: account.login })
                        : t("accounts.disable", { login: account.login })}
                    </button>
                  </td>
                  <td>
                    {account.id === props.selfId ? (
                      <span class="hint">{t("collectorProblem.own_password")}</span>
                    ) : (
                      <SetPassword
                        account={account}
                        onSet={() => setOutcome({ ok: t("accounts.passwordSet", { login: account.login }) })}
                        onProblem={(problem) => setOutcome({ problem })}
                        onUnauthorized={props.onUnauthorized}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <NewAccountForm
        surveys={props.surveys}
        onUnauthorized={props.onUnauthorized}
        onCreated={(account) => {
          setOutcome({ ok: t("accounts.created", { login: account.login }) });
          setReload((n) => n + 1);
        }}
      />
    </section>
  );
}
