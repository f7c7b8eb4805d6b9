import type { Locale } from "../../../domain/locales";

/** ja-x-easy is Japanese to Intl. */
const intlLocale = (locale: Locale) => (locale === "ja-x-easy" ? "ja" : locale);

/** A percent as the page and the CSV show it: one decimal, in the reader's way of writing numbers. */
export function oneDecimal(x: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.round(x * 10) / 10);
}

/** An interval's bound in words: whole percents, since "about" already says it is not exact. */
export const whole = (x: number) => String(Math.round(x));

/** A count with the reader's grouping (1,234). */
export function count(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** A change in points with its sign: +7.1, −3.0. */
export function signedPoints(x: number, locale: Locale): string {
  const text = oneDecimal(Math.abs(x), locale);
  return Math.round(x * 10) === 0 ? text : `${x > 0 ? "+" : "−"}${text}`;
}

/** Escapes text for HTML content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
