const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When something happened, as staff say it: 「たった今」「3分前」「2時間前」 within a day, else the
 * day and time in the reader's own time zone (a tablet synced last week is a date, not "7 days ago").
 * A time a little ahead of this browser's clock (the collector's is another) reads as now.
 */
export function formatSince(at: string, now: number, locale: string): string {
  const then = Date.parse(at);
  const ago = now - then;
  if (ago < DAY) {
    const words = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    if (ago < MINUTE) return words.format(0, "second");
    if (ago < HOUR) return words.format(-Math.floor(ago / MINUTE), "minute");
    return words.format(-Math.floor(ago / HOUR), "hour");
  }
  return formatWhen(at, locale);
}

/** A day and time in the reader's time zone and words. */
export function formatWhen(at: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));
}

/** A day in the reader's time zone and words. */
export function formatDay(at: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(at));
}
