/**
 * A definition's or a count's day ("2026-07-31") is a calendar day in Tokyo: formatted as an instant
 * inside that day, in Asia/Tokyo, it reads as the same day whatever the reader's own time zone. One
 * module for the flyer, the respondent's intro and the dashboard's counts, small on purpose: the
 * intro is on a respondent's first load.
 */
export function formatTokyoDay(day: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "Asia/Tokyo" }).format(
    new Date(`${day}T00:00:00+09:00`),
  );
}

/**
 * A day with its weekday, 「2026年7月31日(金)」: a resident plans by the day of the week. The flyer's
 * deadline, and the respondent's intro when a survey is not open yet or has closed.
 */
export const formatDayWithWeekday = (day: string, locale: string): string =>
  formatTokyoDay(day, locale, { year: "numeric", month: "long", day: "numeric", weekday: "short" });
