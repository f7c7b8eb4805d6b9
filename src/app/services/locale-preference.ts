import { LOCALES, type Locale, pickLocale } from "../../survey/locales";

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

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Not remembered; the choice still holds for this visit.
  }
}
