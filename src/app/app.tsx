import { useCallback, useEffect, useState } from "preact/hooks";
import type { Locale } from "../domain/locales";
import { loadLetterMessages, loadStaffMessages, setLanguage, t } from "../i18n";
import { AppHeader } from "./components/app-header";
import { LazyPage } from "./components/lazy-page";
import { StatusBar } from "./components/status-bar";
import { UpdatePrompt } from "./components/update-prompt";
import { kioskMode } from "./device/kiosk-mode";
import { rememberLocale } from "./device/locale-preference";
import { useStore } from "./hooks/use-store";
import { LocaleContext } from "./locale-context";
import { RespondentPage } from "./respondent/respondent-page";
import { navigate } from "./router/history";
import { Link } from "./router/link";
import { KIOSK_ROUTES } from "./router/routes";
import { useRoute } from "./router/use-route";

/** A staff page's code and its words, fetched together the first time it opens. */
const staffPage = <T,>(code: Promise<T>): Promise<T> =>
  Promise.all([code, loadStaffMessages()]).then(([module]) => module);
// The organizer's page is its own chunk: respondents on mobile data never download it.
const loadDashboard = () => staffPage(import("./dashboard/dashboard-page")).then((m) => m.DashboardPage);
// Kiosk, enrollment and the printable flyer are for staff: chunks of their own too.
const loadKiosk = () => staffPage(import("./kiosk/kiosk-page")).then((m) => m.KioskPage);
// Data entry of returned paper forms: an office PC's page, a chunk of its own (issue 21).
const loadPaper = () => staffPage(import("./paper/paper-page")).then((m) => m.PaperPage);
const loadEnroll = () => staffPage(import("./enroll/enroll-page")).then((m) => m.EnrollPage);
const loadFlyer = (surveyId: string) => () =>
  staffPage(import("./flyer/flyer-page")).then((m) => () => <m.FlyerPage surveyId={surveyId} />);

// Staff's settings and the answers the collector did not take: rarely opened, so neither is on a
// respondent's first load (tests/build/first-load-budget.test.ts).
// The list of surveys at /: a resident comes to a survey's own page from the letter, the flyer's QR
// code or a link, so the list is not on that page's first load either (issue 27).
const loadHome = () => import("./survey-list/survey-list-page").then((m) => m.SurveyListPage);
const loadSettings = () => import("./settings/settings-page").then((m) => m.SettingsPage);
// With the letter's words: a held answer may have been refused for its invitation code.
const loadHeld = () =>
  Promise.all([import("./held/held-page"), loadLetterMessages()]).then(([m]) => m.HeldPage);

/** In kiosk mode every other page leads back to the kiosk: no respondent reaches the queue or settings. */
function KioskRedirect() {
  useEffect(() => navigate("/kiosk", { replace: true }), []);
  return null;
}

function CurrentPage() {
  const route = useRoute();
  const kiosk = useStore(kioskMode);
  if (kiosk && !KIOSK_ROUTES.includes(route.name)) return <KioskRedirect />;
  switch (route.name) {
    case "home":
      return <LazyPage load={loadHome} name="home" />;
    case "survey":
      return <RespondentPage key={route.surveyId} surveyId={route.surveyId} />;
    case "dashboard":
      return <LazyPage load={loadDashboard} name="dashboard" />;
    case "settings":
      return <LazyPage load={loadSettings} name="settings" />;
    case "held":
      return <LazyPage load={loadHeld} name="held" />;
    case "kiosk":
      return <LazyPage load={loadKiosk} name="kiosk" />;
    case "enroll":
      return <LazyPage load={loadEnroll} name="enroll" />;
    case "paper":
      return <LazyPage load={loadPaper} name="paper" />;
    case "flyer":
      return <LazyPage load={loadFlyer(route.surveyId)} name={`flyer:${route.surveyId}`} />;
    case "not_found":
      return (
        <div class="page">
          <h1>{t("common.notFound")}</h1>
          <Link href="/" class="tap-link">
            {t("common.home")}
          </Link>
        </div>
      );
  }
}

export function App({ initialLocale }: { initialLocale: Locale }) {
  const [locale, setLocaleState] = useState(initialLocale);
  const setLocale = useCallback(async (next: Locale) => {
    await setLanguage(next);
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  const kiosk = useStore(kioskMode);
  // The dashboard is about the collector, not this device's queue: no sync bar or offline note there.
  const onDashboard = useRoute().name === "dashboard";
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <AppHeader kiosk={kiosk} />
      <UpdatePrompt offlineNote={!onDashboard} />
      <main id="main" class="app-main">
        <CurrentPage />
      </main>
      {!kiosk && !onDashboard && <StatusBar />}
    </LocaleContext.Provider>
  );
}
