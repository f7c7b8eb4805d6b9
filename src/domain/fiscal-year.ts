/**
 * Japan's fiscal year (年度) of an instant: 1 April to 31 March in Asia/Tokyo. Japan has no
 * daylight saving, so JST is UTC+9 all year and needs no time-zone database.
 */
export function fiscalYear(instant: string | Date): number {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  const jst = new Date(ms + 9 * 3600_000);
  const year = jst.getUTCFullYear();
  return jst.getUTCMonth() >= 3 ? year : year - 1;
}

/** The first and last instant (exclusive end) of a fiscal year, as ISO strings in UTC. */
export function fiscalYearRange(fy: number): { start: string; end: string } {
  return {
    start: new Date(Date.UTC(fy, 3, 1) - 9 * 3600_000).toISOString(),
    end: new Date(Date.UTC(fy + 1, 3, 1) - 9 * 3600_000).toISOString(),
  };
}

/** 令和N年度 in Japanese (Reiwa 1 = 2019, 元年 for the first), FY20xx elsewhere. */
export function formatFiscalYear(fy: number, locale: string): string {
  if (locale.startsWith("ja")) {
    const reiwa = fy - 2018;
    if (reiwa >= 1) return `令和${reiwa === 1 ? "元" : reiwa}年度`;
    return `平成${fy - 1988}年度`;
  }
  return `FY${fy}`;
}
