import { useEffect } from "preact/hooks";
import { t } from "../../i18n";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { leaveKioskMode, loadKiosk } from "../device/kiosk";
import { useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { navigate } from "../router/history";
import { KioskSession } from "./kiosk-session";
import "./kiosk.css";

/** "/kiosk": the event's survey in a loop, for one shared tablet. */
export function KioskPage() {
  useLocale();
  const [kiosk, retry] = useResource(loadKiosk, "kiosk");
  if (kiosk.status === "loading") return <Loading />;
  if (kiosk.status === "failed") return <LoadError onRetry={retry} />;
  if (!kiosk.value) return <NotEnrolled />;
  return <KioskSession kiosk={kiosk.value} />;
}

/** The flag said kiosk but the state is gone (storage cleared, event ended elsewhere): say so, leave. */
function NotEnrolled() {
  useEffect(() => leaveKioskMode(), []);
  return (
    <div class="page">
      <h1>{t("kiosk.notEnrolled")}</h1>
      <p>{t("kiosk.notEnrolledHelp")}</p>
      <button type="button" class="button button--secondary" onClick={() => navigate("/")}>
        {t("common.home")}
      </button>
    </div>
  );
}
