import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Locale } from "../domain/locales";

export interface LocaleState {
  locale: Locale;
  /** Loads the language's messages, then switches: resolves once the page shows it. */
  setLocale(locale: Locale): Promise<void>;
}

export const LocaleContext = createContext<LocaleState>({ locale: "ja", setLocale: async () => {} });

/** The current language; components that show messages call it so they re-render when it changes. */
export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}
