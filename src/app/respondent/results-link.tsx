import { formatFiscalYear } from "../../domain/fiscal-year";
import { t } from "../../i18n";
import { latestResultsPage } from "../collector/latest-results";
import { latest, useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";

/** "See the results of 令和7年度": the survey's newest published results, when there are any. */
export function ResultsLink({ surveyId }: { surveyId: string }) {
  const { locale } = useLocale();
  const [page] = useResource(() => latestResultsPage(surveyId, locale), `${surveyId}:${locale}`);
  const found = latest(page);
  if (!found) return null;
  return (
    <p>
      <a class="tap-link" href={found.href}>
        {t("thanks.results", { wave: formatFiscalYear(found.wave, locale) })}
      </a>
    </p>
  );
}
