import { LOCALES, type Locale, pickLocale } from "../../domain/locales";

const KEY = "tsunagu.locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen before on this device, else the best match for the browser's languages. */
export function preferredLocale(): Locale {
  try {
    const stored = localStorage.getItem(KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (privacy settings): fall through to the browser's languages.
  }
  return pickLocale(navigator.languages ?? [navigator.language]);
}

/**
 * The language the page's address asks for (?lang=, where the HTML's own switch leads before the
 * app runs: first-screen-boot.ts), remembered as a choice on the switch is, and taken off the
 * address so that a later switch in the app is not undone by a reload.
 */
export function localeFromAddress(): Locale | undefined {
  const params = new URLSearchParams(location.search);
  const asked = params.get("lang");
  if (!isLocale(asked)) return undefined;
  rememberLocale(asked);
  params.delete("lang");
  const search = params.toString();
  history.replaceState(
    history.state,
    "",
    `${location.pathname}${search ? `?${search}` : ""}${location.hash}`,
  );
  return asked;
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Not remembered; the choice still holds for this visit.
  }
}
