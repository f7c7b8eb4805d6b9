import { t } from "../../../i18n";
import { endOtherSessions, endSession, listSessions } from "../../collector/account-api";
import { latest } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { ProblemDetails } from "../collector-problem";
import { useOrganizerResource } from "../use-organizer-resource";
import { useAccountAction } from "./use-account-action";
import { formatDateTime } from "./when";

/** Where the account is signed in: each session, this one marked; end one, or all ("everywhere"). */
export function SessionsPanel({ onUnauthorized, onSignOut }: { onUnauthorized(): void; onSignOut(): void }) {
  const { locale } = useLocale();
  const [list, reload] = useOrganizerResource(listSessions, "sessions", onUnauthorized, { keep: true });
  const { busy, problem, run } = useAccountAction(onUnauthorized);
  const sessions = latest(list) ?? [];
  return (
    <section class="account-panel" aria-labelledby="account-sessions-title">
      <h3 id="account-sessions-title">{t("account.sessionsTitle")}</h3>
      {problem && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails problem={problem} />
        </div>
      )}
      <ul class="account-list">
        {sessions.map((s) => (
          <li key={s.id}>
            <span>
              {t("account.sessionLine", {
                created: formatDateTime(s.createdAt, locale),
                seen: formatDateTime(s.lastSeenAt, locale),
              })}
              {s.current && <strong> {t("account.thisSession")}</strong>}
            </span>
            {!s.current && (
              <button
                type="button"
                class="button button--small button--quiet"
                aria-disabled={busy}
                onClick={() => run(() => endSession(s.id), reload)}
              >
                {t("account.endSession")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="button button--small"
        aria-disabled={busy}
        onClick={() => run(endOtherSessions, onSignOut)}
      >
        {t("account.signOutEverywhere")}
      </button>
    </section>
  );
}
