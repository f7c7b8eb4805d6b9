import { useEffect, useState } from "preact/hooks";
import type { Role } from "../../contract/accounts";
import { t } from "../../i18n";
import { sessionState, signOut } from "../collector/session";
import { Loading } from "../components/loading";
import { useLocale } from "../locale-context";
import { Link } from "../router/link";
import { useRoute } from "../router/use-route";
import { InvitationForm, invitationToken } from "./account/invitation-form";
import { DashboardNav } from "./frame/dashboard-nav";
import { mayOpen } from "./frame/sections";
import { Workspace } from "./frame/workspace";
import { TokenForm } from "./token-form";

type Session =
  | { status: "checking" }
  | { status: "signed-in"; role: Role; name: string | undefined; accountId: string | undefined }
  | { status: "signed-out" | "expired" };

/** The session as the collector sees it: the organizer token's session acts as an admin. */
async function checkSession(): Promise<Session> {
  const state = await sessionState();
  if (!state.signedIn) return { status: "signed-out" };
  return {
    status: "signed-in",
    role: state.account?.role ?? "admin",
    name: state.account?.displayName,
    accountId: state.account?.id,
  };
}

/**
 * "/dashboard/<section>": the organizer's screens. Sign-in trades the login and password (or the
 * bootstrap token) for an HttpOnly session cookie, so the browser keeps no secret; a 401 later
 * (session over) asks for them again. The page stays mounted from screen to screen, so the survey
 * picked stays picked.
 */
export function DashboardPage() {
  useLocale();
  const route = useRoute();
  const section = route.name === "dashboard" ? route.section : "indicators";
  const [session, setSession] = useState<Session>({ status: "checking" });
  const recheck = () => checkSession().then(setSession, () => setSession({ status: "signed-out" }));
  useEffect(() => void recheck(), []);
  const expired = () => setSession({ status: "expired" });
  // A one-time invitation link (/dashboard#invitation=…): the invitee makes their account here.
  const invitation = invitationToken();
  const leave = async () => {
    await signOut().catch(() => {});
    setSession({ status: "signed-out" });
  };

  return (
    <div class="page dashboard">
      <div class="dashboard__heading">
        <h1>{t("dashboard.title")}</h1>
        {session.status === "signed-in" && (
          <span class="dashboard__who">
            {session.name && <span class="hint">{session.name}</span>}
            <button type="button" class="button button--small button--quiet" onClick={() => void leave()}>
              {t("organizer.signOut")}
            </button>
          </span>
        )}
      </div>
      {session.status === "checking" && <Loading />}
      {(session.status === "signed-out" || session.status === "expired") &&
        (invitation ? (
          <InvitationForm token={invitation} onSignedIn={() => void recheck()} />
        ) : (
          <TokenForm rejected={session.status === "expired"} onSignedIn={() => void recheck()} />
        ))}
      {session.status === "signed-in" && (
        <div class="dashboard__frame">
          <DashboardNav role={session.role} current={section} />
          <div class="dashboard__screen">
            {mayOpen(session.role, section) ? (
              <Workspace
                section={section}
                accountId={session.accountId}
                onUnauthorized={expired}
                onSignOut={() => void leave()}
              />
            ) : (
              <p class="notice" role="alert">
                {t("sections.notForRole")}
              </p>
            )}
          </div>
        </div>
      )}
      {/* Signed in or not: staff setting up a device need its endpoint, storage and backup, not the tallies. */}
      <p class="page-footer">
        <Link href="/settings" class="tap-link">
          {t("dashboard.deviceSettings")}
        </Link>
        {session.status === "signed-in" && (
          <>
            {" · "}
            <Link href="/paper" class="tap-link">
              {t("paper.title")}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
