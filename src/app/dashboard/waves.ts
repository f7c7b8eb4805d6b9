import type { Trend } from "../../contract/trend";
import { fiscalYear } from "../../domain/fiscal-year";

/** The fiscal years an organizer can pick: this one and the four before it, newest first. */
export function recentWaves(now: Date = new Date(), count = 5): number[] {
  const current = fiscalYear(now);
  return Array.from({ length: count }, (_, i) => current - i);
}

/**
 * The wave the dashboard opens on: the newest with counted answers, so an organizer in April (a new
 * fiscal year with no answers yet) sees last year's results, not an empty card; this fiscal year
 * only before there is any answer at all.
 */
export function openingWave(trend: Pick<Trend, "waves"> | undefined, now: Date = new Date()): number {
  const answered = trend?.waves ?? [];
  return answered.length > 0 ? Math.max(...answered) : fiscalYear(now);
}
