import { formatFiscalYear } from "../../domain/fiscal-year";
import type { SeriesBreakAt } from "../../domain/wave-breaks";
import { t } from "../../i18n";

/**
 * A break in an indicator's series, worded for staff: which year it cannot be compared with and
 * why, each reason from its stable code. A code this dashboard does not know yet (a newer
 * collector) is shown as the code rather than dropped: the break itself must not go unsaid.
 */
export function seriesBreakText(seriesBreak: SeriesBreakAt, locale: string): string {
  const reasons = seriesBreak.reasons.map((code) =>
    t(`organizer.seriesBreakReasons.${code}`, { defaultValue: code }),
  );
  return t("organizer.seriesBreak", {
    from: formatFiscalYear(seriesBreak.fromWave, locale),
    reasons: new Intl.ListFormat(locale, { type: "conjunction" }).format(reasons),
  });
}
