import type { Catalogue, LetterCatalogue, StaffCatalogue } from "./catalogue";
import { fill, lookUp, type Messages } from "./translate";

/**
 * The UI's messages, each language a chunk of its own (precached for offline), so that a respondent
 * fetches only the one they read: with Japanese in the main bundle, every other language's first
 * load carried both and passed its budget (tests/build/first-load-budget.test.ts). A survey's page
 * in a language names that language's chunk for its boot script to fetch beside the app
 * (build/first-screen.tsx), so the app does not wait for it after it runs.
 */
const loaders: Record<string, () => Promise<{ default: Catalogue }>> = {
  ja: () => import("./catalogues/ja"),
  "ja-x-easy": () => import("./catalogues/ja-x-easy"),
  en: () => import("./catalogues/en"),
  "zh-Hans": () => import("./catalogues/zh-Hans"),
  ko: () => import("./catalogues/ko"),
  vi: () => import("./catalogues/vi"),
};

/**
 * The staff screens' messages, chunks of their own again: about half of every language's words are
 * the dashboard's and the kiosk's, and a resident's phone never shows them.
 */
const staffLoaders: Record<string, () => Promise<{ default: StaffCatalogue }>> = {
  ja: () => import("./staff/ja"),
  "ja-x-easy": () => import("./staff/ja-x-easy"),
  en: () => import("./staff/en"),
  "zh-Hans": () => import("./staff/zh-Hans"),
  ko: () => import("./staff/ko"),
  vi: () => import("./staff/vi"),
};

/**
 * The words of a mailed letter's code (its entry, and why the collector refused one): for the
 * resident who has one and the held-answers page, out of every other resident's first load.
 */
const letterLoaders: Record<string, () => Promise<{ default: LetterCatalogue }>> = {
  ja: () => import("./letter/ja"),
  "ja-x-easy": () => import("./letter/ja-x-easy"),
  en: () => import("./letter/en"),
  "zh-Hans": () => import("./letter/zh-Hans"),
  ko: () => import("./letter/ko"),
  vi: () => import("./letter/vi"),
};

/** Each language's messages once fetched: the resident's, and the staff's once a staff screen asked. */
const residentMessages = new Map<string, Messages>();
const staffMessages = new Map<string, Messages>();
const letterMessages = new Map<string, Messages>();
/** Set once a letter's code is entered or refused: a language switch then brings its words too. */
let letterWanted = false;
/** The language shown; "" until the first setLanguage has resolved. */
let shownLanguage = "";
/** Set once a staff screen has opened: a language switch then brings that language's staff words too. */
let staffWanted = false;

async function ensureCatalogue(language: string): Promise<void> {
  const load = loaders[language];
  if (load && !residentMessages.has(language)) residentMessages.set(language, (await load()).default);
  const loadStaff = staffLoaders[language];
  if (staffWanted && loadStaff && !staffMessages.has(language))
    staffMessages.set(language, (await loadStaff()).default);
  const loadLetter = letterLoaders[language];
  // Staff screens word a refused code too (a phone's backup imported from the dashboard).
  if ((letterWanted || staffWanted) && loadLetter && !letterMessages.has(language))
    letterMessages.set(language, (await loadLetter()).default);
}

/**
 * Before the code entry or the held-answers page renders: the letter's words of the language
 * shown, and from then on of every language switched to.
 */
export async function loadLetterMessages(): Promise<void> {
  letterWanted = true;
  await ensureCatalogue(shownLanguage || "ja");
}

/**
 * Before a staff screen first renders (its page loader awaits this beside its code): the staff
 * words of the language shown, and from then on of every language switched to.
 */
export async function loadStaffMessages(): Promise<void> {
  staffWanted = true;
  const shown = shownLanguage || "ja";
  try {
    await ensureCatalogue(shown);
  } catch (error) {
    if (shown === "ja") throw error;
    console.error(`staff messages in ${shown} unavailable`, error);
    await setLanguage("ja");
  }
}

/**
 * Call once before the first render: the messages of `language`. No fallback language: every
 * catalogue has every key of the Japanese one, none empty (tests/i18n/catalogues.test.ts), and
 * loading Japanese beside another language only for a fallback would put it back into that
 * language's first load.
 */
export async function initI18n(language: string): Promise<void> {
  await setLanguage(language);
}

/**
 * Shows the UI in `language` (Japanese for one the app does not have). Where its chunk cannot be
 * fetched (a flaky network before the service worker has it), in Japanese rather than not at all.
 * "ja-x-easy" is a catalogue of its own, never read as "ja".
 */
export async function setLanguage(language: string): Promise<void> {
  const wanted = Object.hasOwn(loaders, language) ? language : "ja";
  let shown = wanted;
  try {
    await ensureCatalogue(wanted);
  } catch (error) {
    if (wanted === "ja") throw error;
    console.error(`messages in ${wanted} unavailable`, error);
    shown = "ja";
    await ensureCatalogue(shown);
  }
  shownLanguage = shown;
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
  const language = shownLanguage || "ja";
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
 * a quantity: pass it as a string. `defaultValue` (as i18next named it) is what a key with no
 * message reads: a code from a newer collector shown as itself, not as "group.code".
 */
export function t(key: string, values?: Record<string, string | number>): string {
  // A key with no message (its chunk not loaded yet, or a staff word before a staff screen asked)
  // reads as itself, as it did with i18next: visible, and never an empty label.
  const message = lookUp(
    [
      residentMessages.get(shownLanguage),
      staffMessages.get(shownLanguage),
      letterMessages.get(shownLanguage),
    ],
    key,
  );
  if (message === undefined) return typeof values?.defaultValue === "string" ? values.defaultValue : key;
  if (!values) return message;
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(values))
    filled[name] = typeof value === "number" ? formatNumber(value) : value;
  return fill(message, filled);
}
