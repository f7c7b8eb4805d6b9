import { render } from "preact";
import { initI18n } from "../i18n";
import { App } from "./app";
import { matchRoute } from "./router/routes";
import { registerServiceWorker } from "./services/app-update";
import { whenIdle } from "./services/idle";
import { preferredLocale } from "./services/locale-preference";
import { checkPersistence } from "./services/persistence";
import { watchStorageHealth } from "./services/storage-health";
import { prefetchSurvey } from "./services/surveys";
import { startSync } from "./services/sync";
import "./styles.css";

async function main(): Promise<void> {
  const route = matchRoute(location.pathname);
  const locale = preferredLocale();
  if (route.name === "survey") prefetchSurvey(route.surveyId, locale);
  await initI18n(locale);
  document.documentElement.lang = locale;
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app");
  render(<App initialLocale={locale} />, root);
  // None of these may delay the form. Started at once, their chunks (zod among them) were parsed on a
  // slow phone's only core while the page still waited to fetch its survey; so they wait for the
  // first idle moment (bench/RESULTS.md: first question under 4x CPU throttle).
  whenIdle(() => {
    void startSync().catch((error: unknown) => console.error("outbox unavailable", error));
    void checkPersistence();
    watchStorageHealth();
    void registerServiceWorker().catch((error: unknown) => console.error("service worker", error));
  });
}

void main();
