import { z } from "zod";

/**
 * Every language the ward serves. "ja-x-easy" is やさしい日本語 (Easy Japanese): a private-use
 * BCP 47 tag, so Intl and i18next fall back to plain Japanese for anything it does not define.
 */
export const LOCALES = ["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const DEFAULT_LOCALE: Locale = "ja";

/** A text in several languages. Japanese is always present: it is the survey's source language. */
export const LocalizedText = z
  .partialRecord(Locale, z.string().trim().min(1, "must not be empty"))
  .refine((text) => typeof text.ja === "string", { message: "needs a Japanese (ja) text" });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** The text in `locale`, else Japanese: a missing translation never shows an empty label. */
export function localize(text: LocalizedText, locale: string): string {
  return text[locale as Locale] ?? text.ja ?? "";
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
