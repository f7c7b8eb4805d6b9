import { useCallback, useEffect, useState } from "preact/hooks";
import { setLanguage, t } from "../i18n";
import type { Locale } from "../survey/locales";
import { LanguageSwitch } from "./components/language-switch";
import { LazyPage } from "./components/lazy-page";
import { StatusBar } from "./components/status-bar";
import { UpdatePrompt } from "./components/update-prompt";
import { LocaleContext } from "./locale-context";
import { RespondentPage } from "./respondent/respondent-page";
import { Link } from "./router/link";
import { useRoute } from "./router/use-route";
import { rememberLocale } from "./services/locale-preference";
import { SettingsPage } from "./settings/settings-page";
import { SurveyListPage } from "./survey-list/survey-list-page";

// The organizer's page is its own chunk: respondents on mobile data never download it.
const loadDashboard = () => import("./dashboard/dashboard-page").then((m) => m.DashboardPage);

function CurrentPage() {
  const route = useRoute();
  switch (route.name) {
    case "home":
      return <SurveyListPage />;
    case "survey":
      return <RespondentPage key={route.surveyId} surveyId={route.surveyId} />;
    case "dashboard":
      return <LazyPage load={loadDashboard} name="dashboard" />;
    case "settings":
      return <SettingsPage />;
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
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <header class="app-header">
        <Link href="/" class="app-header__title">
          {t("header.appName")}
        </Link>
        <LanguageSwitch />
      </header>
      <UpdatePrompt />
      <main id="main" class="app-main">
        <CurrentPage />
      </main>
      <StatusBar />
    </LocaleContext.Provider>
  );
}
