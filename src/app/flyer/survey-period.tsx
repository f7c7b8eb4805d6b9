import { t } from "../../i18n";
import { formatTokyoDay as formatDay, formatDayWithWeekday } from "../tokyo-day-format";

const FULL = { year: "numeric", month: "long", day: "numeric" } as const;
const MONTH_DAY = { month: "long", day: "numeric" } as const;

/**
 * 「2026年7月1日〜7月31日」, "July 1 – July 31, 2026": the year once, where the language puts it (its
 * message). Not Intl's formatRange: its Japanese and Chinese patterns for these fields come out as
 * 「2026/07/01～2026/07/31」 (Chromium 156, Node 24), not how a notice to residents writes a period.
 */
export function formatPeriod(opens: string, closes: string, locale: string): string {
  if (opens === closes) return formatDay(opens, locale, FULL);
  if (opens.slice(0, 4) !== closes.slice(0, 4))
    return t("flyer.range", { from: formatDay(opens, locale, FULL), to: formatDay(closes, locale, FULL) });
  return t("flyer.rangeSameYear", {
    year: formatDay(opens, locale, { year: "numeric" }),
    from: formatDay(opens, locale, MONTH_DAY),
    to: formatDay(closes, locale, MONTH_DAY),
  });
}

/** The deadline with its weekday, as the flyer prints it. */
export const formatDeadline = formatDayWithWeekday;

/**
 * The flyer's answer period and, large, its deadline. Each is printed only when the definition has
 * its dates: a flyer without them leaves the place out instead of printing blanks.
 */
export function SurveyPeriod({
  opens,
  closes,
  locale,
}: {
  opens: string | undefined;
  closes: string | undefined;
  locale: string;
}) {
  if (!opens && !closes) return null;
  return (
    <div class="flyer__period">
      {opens && (
        <p class="flyer__dates">
          {closes
            ? t("flyer.period", { range: formatPeriod(opens, closes, locale) })
            : t("flyer.periodFrom", { date: formatDay(opens, locale, FULL) })}
        </p>
      )}
      {closes && (
        <p class="flyer__deadline">
          <span class="flyer__deadline-label">{t("flyer.deadline")}</span>{" "}
          <time class="flyer__deadline-date" dateTime={closes}>
            {formatDeadline(closes, locale)}
          </time>
        </p>
      )}
    </div>
  );
}
