import { useEffect, useState } from "preact/hooks";
import { type CodeProblem, formatInvitationCode, parseInvitationCode } from "../../domain/invitation-code";
import { t } from "../../i18n";

export interface AcceptedCode {
  /** The normal form the response carries. */
  code: string;
  /** Grouped for reading: ABCD-EFGH-J. */
  shown: string;
}

/**
 * The code of a mailed letter, typed or from the personal URL. Its check character catches a typo
 * here, in the resident's language, before anything is sent. A chunk of its own: only a resident
 * with a letter loads it, so a cold visit's first screen carries none of it.
 */
export function InvitationEntry({
  initial,
  accepted,
  onAccept,
}: {
  initial: string;
  /** Once taken: the entry then says which code the answer goes with. */
  accepted: AcceptedCode | undefined;
  onAccept(code: AcceptedCode): void;
}) {
  const [typed, setTyped] = useState(initial);
  const [problem, setProblem] = useState<CodeProblem | null>(null);
  const accept = (text: string) => {
    const parsed = parseInvitationCode(text);
    if (parsed.ok) onAccept({ code: parsed.code, shown: formatInvitationCode(parsed.code) });
    else setProblem(parsed.problem);
  };
  // A code from the letter's URL is taken at once; a mistyped one waits here with its reason.
  useEffect(() => {
    if (initial) accept(initial);
  }, []);
  if (accepted)
    return (
      <p class="notice" role="status">
        {t("invitation.using", { code: accepted.shown })}
      </p>
    );
  return (
    <form
      class="notice invitation-entry"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        accept(typed);
      }}
    >
      <label for="invitation-code">{t("invitation.label")}</label>
      <input
        id="invitation-code"
        class="text-answer__field"
        value={typed}
        autoComplete="off"
        autoCapitalize="characters"
        spellcheck={false}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={problem ? "invitation-problem" : undefined}
        onInput={(event) => {
          setTyped(event.currentTarget.value);
          setProblem(null);
        }}
      />
      {problem && (
        <p id="invitation-problem" class="field-error" role="alert">
          {t(`invitation.${problem}`)}
        </p>
      )}
      <button type="submit" class="button button--secondary button--wide">
        {t("invitation.use")}
      </button>
    </form>
  );
}
