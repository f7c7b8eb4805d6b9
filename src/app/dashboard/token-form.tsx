import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { signIn, TooManySignInsError } from "../collector/session";
import { Field } from "../components/field";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useOneAtATime } from "../hooks/use-one-at-a-time";
import { collectorProblem, ProblemDetails, type ProblemText } from "./collector-problem";

type Failure =
  | { kind: "rejected" }
  | { kind: "slowed"; seconds: number }
  | { kind: "problem"; problem: ProblemText };

/**
 * Sign-in with the organizer token. The token goes to the collector once and is not kept: the
 * session lives in an HttpOnly cookie. `rejected` says the last session ended or was refused.
 */
export function TokenForm({ rejected, onSignedIn }: { rejected: boolean; onSignedIn(): void }) {
  const [token, setToken] = useState("");
  const [failure, setFailure] = useState<Failure | undefined>(rejected ? { kind: "rejected" } : undefined);
  const inputRef = useFocusOnShow<HTMLInputElement>();
  const [busy, once] = useOneAtATime();

  const submit = async () => {
    if (!token.trim()) return;
    try {
      await signIn(token.trim());
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
                : t("dashboard.tokenRejected")}
            </p>
          )}
        </div>
      )}
      <Field id="organizer-token" label={t("dashboard.tokenLabel")} hint={t("organizer.signInHelp")}>
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            type="password"
            autoComplete="off"
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit" class="button button--primary" disabled={!token.trim()} aria-disabled={busy}>
        {t("organizer.signIn")}
      </button>
    </form>
  );
}
