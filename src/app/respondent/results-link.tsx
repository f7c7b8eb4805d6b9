import { t } from "../../i18n";
import { latest, useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";

/**
 * "See the results of 令和7年度": the survey's newest published results, when there are any. Its
 * look-up is a chunk of its own, fetched on the thank-you screen: the first load is budgeted.
 */
export function ResultsLink({ surveyId }: { surveyId: string }) {
  const { locale } = useLocale();
  const [page] = useResource(
    () => import("../collector/latest-results").then((m) => m.latestResultsPage(surveyId, locale)),
    `${surveyId}:${locale}`,
  );
  const found = latest(page);
  return found ? (
    <p>
      <a class="tap-link" href={found.href}>
        {t("thanks.results", { wave: found.wave })}
      </a>
    </p>
  ) : null;
}
