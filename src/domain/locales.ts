/**
 * The ward's languages and how a text is picked among them, without zod: the respondent's first
 * screen needs these, and importing the schemas for them would put all of zod on the first load.
 * "ja-x-easy" is やさしい日本語 (Easy Japanese): a private-use BCP 47 tag, so Intl falls
 * back to plain Japanese for anything it does not define.
 */
export const LOCALES = ["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Each language named in its own script, so a reader finds theirs whatever the page currently shows
 * (the app's language switch, the public results page, the dashboard's language choices).
 */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  ja: "日本語",
  "ja-x-easy": "やさしい にほんご",
  en: "English",
  "zh-Hans": "简体中文",
  ko: "한국어",
  vi: "Tiếng Việt",
};

export const DEFAULT_LOCALE: Locale = "ja";

/** The text in `locale`, else Japanese: a missing translation never shows an empty label. */
export function localize(text: Partial<Record<Locale, string>>, locale: string): string {
  return text[locale as Locale] ?? text.ja ?? "";
}

/**
 * An item's short label (a question's or an indicator's) in `locale`, else its full label there,
 * else the Japanese of either: where a picker or a column heading names it in a few words.
 */
export function localizeShort(
  item: { label: Partial<Record<Locale, string>>; shortLabel?: Partial<Record<Locale, string>> | undefined },
  locale: string,
): string {
  const short = item.shortLabel?.[locale as Locale];
  return short ?? item.label[locale as Locale] ?? item.shortLabel?.ja ?? item.label.ja ?? "";
}

/** The best supported locale for a list of preferred languages (navigator.languages). */
export function pickLocale(preferred: readonly string[], available: readonly Locale[] = LOCALES): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const exact = available.find((l) => l.toLowerCase() === lower);
    if (exact) return exact;
    if (lower.startsWith("zh") && available.includes("zh-Hans")) return "zh-Hans";
    const base = lower.split("-")[0];
    const byBase = available.find((l) => l.toLowerCase() === base);
    if (byBase) return byBase;
  }
  return available.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : (available[0] ?? DEFAULT_LOCALE);
}
