import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n";

/** Asks for the organizer's bearer token; `rejected` says the last one was refused (401). */
export function TokenForm({ rejected, onToken }: { rejected: boolean; onToken(token: string): void }) {
  const [token, setToken] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  return (
    <form
      class="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim()) onToken(token.trim());
      }}
    >
      {rejected && (
        <div class="notice notice--error" role="alert">
          <p>{t("dashboard.tokenRejected")}</p>
        </div>
      )}
      <label for="organizer-token" class="field-label">
        {t("dashboard.tokenLabel")}
      </label>
      <p id="organizer-token-help" class="hint">
        {t("dashboard.tokenHelp")}
      </p>
      <input
        ref={inputRef}
        id="organizer-token"
        type="password"
        autoComplete="off"
        value={token}
        aria-describedby="organizer-token-help"
        onInput={(event) => setToken(event.currentTarget.value)}
      />
      <button type="submit" class="button button--primary" disabled={!token.trim()}>
        {t("dashboard.tokenSubmit")}
      </button>
    </form>
  );
}
