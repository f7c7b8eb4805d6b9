import type { SurveyDefinition } from "../../domain/definition";
import { type Locale, localize } from "../../domain/locales";
import { t } from "../../i18n";
import { QrCode } from "../components/qr-code";
import { SurveyPeriod } from "./survey-period";

/**
 * What goes on paper: the survey's title and lead, its period and deadline, the QR code and link,
 * the contact and every other language's title. The period, deadline and contact are printed only
 * when the definition has them, so a survey without them gets no empty headings.
 */
export function FlyerSheet(props: {
  def: SurveyDefinition;
  locale: Locale;
  link: string;
  /** The newest published results, printed as "last year's results" when there are any. */
  results?: { wave: string; href: string } | undefined;
}) {
  const { def, locale, link, results } = props;
  // Every language of the survey, so a neighbour who reads another one knows the code is for them too.
  const others = def.locales.filter((l) => l !== locale);
  return (
    <article class="flyer__sheet">
      <h1>{localize(def.title, locale)}</h1>
      <p class="flyer__lead">{localize(def.description, locale)}</p>
      <SurveyPeriod opens={def.opens} closes={def.closes} locale={locale} />
      <QrCode text={link} label={t("flyer.qrLabel")} class="flyer__qr" />
      <p class="flyer__scan">{t("flyer.scan")}</p>
      <p class="flyer__url">{link}</p>
      <ul class="flyer__facts">
        <li>{t("intro.anonymous")}</li>
        <li>{t("intro.offline")}</li>
      </ul>
      {results && (
        <p class="flyer__results">
          {t("flyer.results", { wave: results.wave })}: <span class="flyer__url">{results.href}</span>
        </p>
      )}
      {def.contact && (
        <section class="flyer__contact">
          <h2>{t("flyer.contact")}</h2>
          <p>{localize(def.contact, locale)}</p>
        </section>
      )}
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
  );
}
