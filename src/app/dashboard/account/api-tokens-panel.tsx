import { useState } from "preact/hooks";
import type { CreatedApiToken } from "../../../contract/api-tokens";
import { t } from "../../../i18n";
import { createApiToken, listApiTokens, revokeApiToken } from "../../collector/account-api";
import { Field } from "../../components/field";
import { latest } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { ProblemDetails } from "../collector-problem";
import { useOrganizerResource } from "../use-organizer-resource";
import { useAccountAction } from "./use-account-action";
import { formatDateTime } from "./when";

/** The account's API tokens for scripts: make one (its secret shown once, here), list, revoke. */
export function ApiTokensPanel({ onUnauthorized }: { onUnauthorized(): void }) {
  const { locale } = useLocale();
  const [list, reload] = useOrganizerResource(listApiTokens, "api-tokens", onUnauthorized, { keep: true });
  const { busy, problem, run } = useAccountAction(onUnauthorized);
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [made, setMade] = useState<CreatedApiToken>();
  const tokens = latest(list) ?? [];
  const make = () => {
    const expiresInDays = days.trim() === "" ? undefined : Number(days);
    let created: CreatedApiToken | undefined;
    run(
      async () => {
        created = await createApiToken(name.trim(), expiresInDays);
      },
      () => {
        setMade(created);
        setName("");
        setDays("");
        reload();
      },
    );
  };
  return (
    <section class="account-panel" aria-labelledby="account-tokens-title">
      <h3 id="account-tokens-title">{t("account.tokensTitle")}</h3>
      {problem && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails problem={problem} />
        </div>
      )}
      {made && (
        <div class="notice" role="status">
          <p>{t("account.tokenShownOnce", { name: made.apiToken.name })}</p>
          <code class="account-secret">{made.token}</code>
        </div>
      )}
      <ul class="account-list">
        {tokens.map((token) => (
          <li key={token.id}>
            <span>
              {t("account.tokenLine", {
                name: token.name,
                created: formatDateTime(token.createdAt, locale),
                used: token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t("account.never"),
                expires: token.expiresAt ? formatDateTime(token.expiresAt, locale) : t("account.never"),
              })}
            </span>
            <button
              type="button"
              class="button button--small button--quiet"
              aria-disabled={busy}
              onClick={() => run(() => revokeApiToken(token.id), reload)}
            >
              {t("account.revoke")}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() !== "") make();
        }}
      >
        <Field id="api-token-name" label={t("account.tokenName")}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={100}
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="api-token-days" label={t("account.tokenDays")}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={366}
              inputMode="numeric"
              value={days}
              onInput={(event) => setDays(event.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="button" disabled={name.trim() === ""} aria-disabled={busy}>
          {t("account.createToken")}
        </button>
      </form>
    </section>
  );
}
