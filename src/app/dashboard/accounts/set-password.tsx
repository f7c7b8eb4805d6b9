import { useState } from "preact/hooks";
import type { Account } from "../../../contract/accounts";
import { t } from "../../../i18n";
import { setAccountPassword } from "../../collector/accounts-api";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { Field } from "../../components/field";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";
import { collectorProblem, type ProblemText } from "../collector-problem";

/**
 * A new password for a person who forgot theirs, which the admin gives them in person: a closed
 * disclosure in the account's row, so the table stays one line an account. The collector ends that
 * account's sessions and refuses the admin's own (changed with the current one, under "Your account").
 */
export function SetPassword(props: {
  account: Account;
  onSet(): void;
  onProblem(problem: ProblemText): void;
  onUnauthorized(): void;
}) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [busy, once] = useOneAtATime();
  const id = `set-password-${props.account.id}`;
  const submit = (event: Event) => {
    event.preventDefault();
    once(async () => {
      try {
        await setAccountPassword(props.account.id, password);
        setPassword("");
        setOpen(false);
        props.onSet();
      } catch (error) {
        if (error instanceof UnauthorizedError) props.onUnauthorized();
        else props.onProblem(collectorProblem(error));
      }
    });
  };
  return (
    <details
      class="set-password"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t("accounts.setPassword", { login: props.account.login })}</summary>
      <form class="stack" onSubmit={submit}>
        <Field id={id} label={t("accounts.newPasswordFor", { login: props.account.login })}>
          {(control) => (
            <input
              {...control}
              type="password"
              required
              minLength={12}
              maxLength={256}
              autocomplete="new-password"
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="button button--small" aria-disabled={busy}>
          {t("accounts.setPasswordSubmit")}
        </button>
      </form>
    </details>
  );
}
