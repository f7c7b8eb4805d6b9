import type { ResultsSnapshot } from "../../../contract/results";
import { type Locale, localize } from "../../../domain/locales";
import { t } from "../../../i18n";

const whole = (x: number) => String(Math.round(x));

/** What a publish would put on the page, in figures: each indicator, its interval, hidden groups. */
export function ResultsPreview({ snapshot, locale }: { snapshot: ResultsSnapshot; locale: Locale }) {
  return (
    <div class="notice" data-testid="results-preview">
      <p>
        <strong>{t("publicResults.previewTitle")}</strong>{" "}
        {t("publicResults.respondents", { n: String(snapshot.respondents) })}
      </p>
      <ul>
        {snapshot.indicators.map((i) => {
          const hidden = i.breakdowns.reduce(
            (sum, b) => sum + b.groups.filter((g) => g.suppressed).length,
            0,
          );
          return (
            <li key={i.id}>
              {localize(i.label, locale)}:{" "}
              {i.percent === null || !i.ci95
                ? "—"
                : t("publicResults.previewLine", {
                    percent: i.percent.toFixed(1),
                    n: String(i.n),
                    lo: whole(i.ci95[0]),
                    hi: whole(i.ci95[1]),
                  })}
              {hidden > 0 && ` · ${t("publicResults.hidden", { count: String(hidden) })}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
