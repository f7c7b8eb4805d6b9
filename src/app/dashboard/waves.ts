import { fiscalYear } from "../../survey/fiscal-year";

/** The fiscal years an organizer can pick: this one and the four before it, newest first. */
export function recentWaves(now: Date = new Date(), count = 5): number[] {
  const current = fiscalYear(now);
  return Array.from({ length: count }, (_, i) => current - i);
}
