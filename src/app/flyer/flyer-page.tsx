import type { SurveyDefinition } from "../../domain/definition";
import { t } from "../../i18n";
import { latestResultsPage } from "../collector/latest-results";
import { loadSurvey } from "../collector/surveys";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { latest, useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { surveyPath } from "../router/routes";
import { FlyerSheet } from "./flyer-sheet";
import "./flyer.css";

/** The link a resident opens on their own phone: this site's survey page. */
export const residentLink = (surveyId: string) => `${window.location.origin}${surveyPath(surveyId)}`;

/** "/flyer/:surveyId": an A4 page to print and post, its QR code opening the survey. */
export function FlyerPage({ surveyId }: { surveyId: string }) {
  // The whole definition, not one language's file: that one leaves out the contact (definitionIn).
  const [def, retry] = useResource(() => loadSurvey(surveyId), surveyId);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return <Flyer def={def.value} />;
}

function Flyer({ def }: { def: SurveyDefinition }) {
  const { locale } = useLocale();
  const [results] = useResource(() => latestResultsPage(def.id, locale), `${def.id}:${locale}`);
  const found = latest(results);
  const printed = found && { wave: found.wave, href: `${window.location.origin}${found.href}` };
  return (
    <div class="page flyer">
      <div class="flyer__screen-only">
        <p class="hint">{t("flyer.help")}</p>
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          {t("flyer.print")}
        </button>
      </div>
      <FlyerSheet def={def} locale={locale} link={residentLink(def.id)} results={printed} />
    </div>
  );
}
