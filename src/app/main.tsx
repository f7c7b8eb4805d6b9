import { render } from "preact";
import { initI18n } from "../i18n";
import { App } from "./app";
import { prefetchSurvey } from "./collector/surveys";
import { registerServiceWorker } from "./device/app-update";
import { whenIdle } from "./device/idle";
import { localeFromAddress, preferredLocale } from "./device/locale-preference";
import { checkPersistence } from "./device/persistence";
import { watchStorageHealth } from "./device/storage-health";
import { startSyncIfHolding } from "./device/sync";
import { receiveFirstScreen } from "./respondent/first-screen";
import { FIRST_SCREEN_ATTRIBUTE } from "./respondent/first-screen-markup";
import { matchRoute } from "./router/routes";
import "./styles.css";

/** How long the first render waits for a survey's definition, already on its way since the HTML. */
const FIRST_DRAW_WAIT_MS = 1000;
/**
 * The same wait when the HTML already shows the survey's first screen: the app's render would
 * replace it with a loading screen, so it waits longer, but not for ever on a stalled network.
 */
const TAKEOVER_WAIT_MS = 10_000;

async function main(): Promise<void> {
  const route = matchRoute(location.pathname);
  const locale = localeFromAddress() ?? preferredLocale();
  const definition = route.name === "survey" ? prefetchSurvey(route.surveyId, locale) : undefined;
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app");
  await initI18n(locale);
  // The survey's intro, not a loading screen, is the first thing drawn when its definition comes in
  // time: drawing the app once empty and again a frame later cost a slow phone a whole style and
  // layout pass (bench/RESULTS.md, first question). On a slow network the loading screen shows.
  const wait = root.hasAttribute(FIRST_SCREEN_ATTRIBUTE) ? TAKEOVER_WAIT_MS : FIRST_DRAW_WAIT_MS;
  if (definition) await Promise.race([definition, new Promise((done) => setTimeout(done, wait))]);
  document.documentElement.lang = locale;
  receiveFirstScreen(root);
  render(<App initialLocale={locale} />, root);
  // None of these may delay the form. Started at once, their chunks (zod among them) were parsed on a
  // slow phone's only core while the page still waited to fetch its survey; so they wait for the
  // first idle moment (bench/RESULTS.md: first question under 4x CPU throttle).
  whenIdle(() => {
    void startSyncIfHolding().catch((error: unknown) => console.error("outbox unavailable", error));
    void checkPersistence();
    watchStorageHealth();
    void registerServiceWorker().catch((error: unknown) => console.error("service worker", error));
  });
}

void main();
