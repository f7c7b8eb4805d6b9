import { render } from "preact";
import { initI18n } from "../i18n";
import { App } from "./app";
import { registerServiceWorker } from "./services/app-update";
import { preferredLocale } from "./services/locale-preference";
import { checkPersistence } from "./services/persistence";
import { watchStorageHealth } from "./services/storage-health";
import { startSync } from "./services/sync";
import "./styles.css";

async function main(): Promise<void> {
  const locale = preferredLocale();
  await initI18n(locale);
  document.documentElement.lang = locale;
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app");
  render(<App initialLocale={locale} />, root);
  // After the first paint: none of these may delay the form.
  void startSync().catch((error: unknown) => console.error("outbox unavailable", error));
  void checkPersistence();
  watchStorageHealth();
  void registerServiceWorker().catch((error: unknown) => console.error("service worker", error));
}

void main();
