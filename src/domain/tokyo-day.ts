/**
 * The calendar day (YYYY-MM-DD) of an instant in Asia/Tokyo, which has no daylight saving: UTC+9
 * all year. 2026-03-31T15:30Z is 2026-04-01 in Tokyo, the first day of fiscal year 2026.
 */
export function tokyoDay(instant: string | Date): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
}
