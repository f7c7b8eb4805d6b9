import { t } from "../../../i18n";
import { addPasskey, listPasskeys, removePasskey } from "../../collector/account-api";
import { latest } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { ProblemDetails } from "../collector-problem";
import { useOrganizerResource } from "../use-organizer-resource";
import { useAccountAction } from "./use-account-action";
import { formatDateTime } from "./when";

/** The account's passkeys: add one of this device (the browser asks), list, remove. */
export function PasskeysPanel({ onUnauthorized }: { onUnauthorized(): void }) {
  const { locale } = useLocale();
  const [list, reload] = useOrganizerResource(listPasskeys, "passkeys", onUnauthorized, { keep: true });
  const { busy, problem, run } = useAccountAction(onUnauthorized);
  const passkeys = latest(list) ?? [];
  return (
    <section class="account-panel" aria-labelledby="account-passkeys-title">
      <h3 id="account-passkeys-title">{t("account.passkeysTitle")}</h3>
      {problem && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails problem={problem} />
        </div>
      )}
      <ul class="account-list">
        {passkeys.map((p) => (
          <li key={p.id}>
            <span>
              {t("account.passkeyLine", {
                name: p.name,
                created: formatDateTime(p.createdAt, locale),
                used: p.lastUsedAt ? formatDateTime(p.lastUsedAt, locale) : t("account.never"),
              })}
            </span>
            <button
              type="button"
              class="button button--small button--quiet"
              aria-disabled={busy}
              onClick={() => run(() => removePasskey(p.id), reload)}
            >
              {t("account.remove")}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="button"
        aria-disabled={busy}
        onClick={() => run(() => addPasskey(navigator.platform || "passkey"), reload)}
      >
        {t("account.addPasskey")}
      </button>
    </section>
  );
}
