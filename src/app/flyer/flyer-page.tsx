import { t } from "../../i18n";
import type { SurveyDefinition } from "../../survey";
import { localize } from "../../survey/locales";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { QrCode } from "../components/qr-code";
import { useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { surveyPath } from "../router/routes";
import { loadSurvey } from "../services/surveys";
import "./flyer.css";

/** The link a resident opens on their own phone: this site's survey page. */
export const residentLink = (surveyId: string) => `${window.location.origin}${surveyPath(surveyId)}`;

/** "/flyer/:surveyId": an A4 page to print and post, its QR code opening the survey. */
export function FlyerPage({ surveyId }: { surveyId: string }) {
  const [def, retry] = useResource(() => loadSurvey(surveyId), surveyId);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return <Flyer def={def.value} />;
}

function Flyer({ def }: { def: SurveyDefinition }) {
  const { locale } = useLocale();
  const link = residentLink(def.id);
  // Every language of the survey, so a neighbour who reads another one knows the code is for them too.
  const others = def.locales.filter((l) => l !== locale);
  return (
    <div class="page flyer">
      <div class="flyer__screen-only">
        <p class="hint">{t("flyer.help")}</p>
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          {t("flyer.print")}
        </button>
      </div>
      <article class="flyer__sheet">
        <h1>{localize(def.title, locale)}</h1>
        <p class="flyer__lead">{localize(def.description, locale)}</p>
        <QrCode text={link} label={t("flyer.qrLabel")} class="flyer__qr" />
        <p class="flyer__scan">{t("flyer.scan")}</p>
        <p class="flyer__url">{link}</p>
        <ul class="flyer__facts">
          <li>{t("intro.anonymous")}</li>
          <li>{t("intro.offline")}</li>
        </ul>
        {others.length > 0 && (
          <ul class="flyer__languages">
            {others.map((l) => (
              <li key={l} lang={l}>
                {localize(def.title, l)}
              </li>
            ))}
          </ul>
        )}
      </article>
    </div>
  );
}
