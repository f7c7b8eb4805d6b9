import i18next from "i18next";
import type { Catalogue } from "./catalogue";
import ja from "./catalogues/ja";

/**
 * The UI's messages. Japanese ships in the main bundle (most respondents read it, and it is the
 * fallback); each other language is a small chunk fetched when chosen (and precached for offline).
 */
const loaders: Record<string, () => Promise<{ default: Catalogue }>> = {
  "ja-x-easy": () => import("./catalogues/ja-x-easy"),
  en: () => import("./catalogues/en"),
  "zh-Hans": () => import("./catalogues/zh-Hans"),
  ko: () => import("./catalogues/ko"),
  vi: () => import("./catalogues/vi"),
};

const i18n = i18next.createInstance();

async function ensureCatalogue(language: string): Promise<void> {
  const load = loaders[language];
  if (!load || i18n.hasResourceBundle(language, "translation")) return;
  i18n.addResourceBundle(language, "translation", (await load()).default);
}

/** Call once before the first render. */
export async function initI18n(language: string): Promise<void> {
  await i18n.init({
    lng: "ja",
    // i18next 27 defaults to no fallback: name it, so a key missing in a language shows Japanese.
    fallbackLng: "ja",
    supportedLngs: ["ja", ...Object.keys(loaders)],
    // "ja-x-easy" must not be looked up as "ja-X-EASY" or "ja": each catalogue is complete.
    load: "currentOnly",
    resources: { ja: { translation: ja } },
    // The resources are right here: init at once, instead of i18next's default of a timer first,
    // a task a slow phone ran only after others while the first screen waited (bench/RESULTS.md).
    initAsync: false,
    // Preact escapes text itself; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
  });
  await setLanguage(language);
}

export async function setLanguage(language: string): Promise<void> {
  await ensureCatalogue(language);
  await i18n.changeLanguage(language);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number in the current language's way (1,234 in Japanese and English, 1.234 in Vietnamese).
 * "ja-x-easy" is a valid tag to Intl, which formats it as Japanese.
 */
export function formatNumber(n: number): string {
  // Every language of the ward writes a whole number under 1,000 in plain ASCII digits, and the
  // first Intl.NumberFormat of a page loads ICU's locale data: on a slow phone that cost the intro
  // screen ("12 questions") ~60 ms (bench/RESULTS.md, first question). tests/i18n/format.test.ts
  // checks the shortcut against Intl for each language.
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const language = i18n.language || "ja";
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(n);
}

/**
 * A message by its key ("respondent.next"), with {{name}} values filled in. Number values go
 * through Intl (formatNumber): a count of 1234 reads "1.234" in Vietnamese. A year or an id is not
 * a quantity: pass it as a string.
 */
export function t(key: string, values?: Record<string, string | number>): string {
  if (!values) return i18n.t(key);
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(values))
    filled[name] = typeof value === "number" ? formatNumber(value) : value;
  return i18n.t(key, filled);
}
