import type { Weighting } from "../../contract/tallies";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { t } from "../../i18n";

/**
 * Whose register weighted the table's estimates: the wave's own totals, the survey-wide ones of
 * before totals were per wave, or (every wave pooled while waves have registers of their own) none,
 * said so that a missing weighted figure is not read as an oversight.
 */
export function WeightingNote(props: { weighting: Weighting | undefined; locale: string }) {
  const { weighting, locale } = props;
  const text =
    weighting?.totals === "wave" && weighting.wave !== null
      ? t("organizer.weightingByWave", { wave: formatFiscalYear(weighting.wave, locale) })
      : weighting?.totals === "survey_wide"
        ? t("organizer.weightingSurveyWide")
        : weighting?.totals === "not_pooled"
          ? t("organizer.weightingNotPooled")
          : undefined;
  if (!text) return null;
  return (
    <p class="hint" data-testid="weighting-note">
      {text}
    </p>
  );
}
