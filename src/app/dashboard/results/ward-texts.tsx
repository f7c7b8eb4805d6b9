import type { ResultsText } from "../../../contract/results";
import type { SurveyDefinition } from "../../../domain/definition";
import { LANGUAGE_NAMES, type Locale, localize } from "../../../domain/locales";
import { t } from "../../../i18n";

type Texts = Record<string, ResultsText>;

/**
 * Each indicator's "what the ward will do", one box per language of the survey. An empty box
 * other than Japanese shows the Japanese it will fall back to, as its placeholder.
 */
export function WardTexts(props: {
  def: SurveyDefinition;
  locale: Locale;
  texts: Texts;
  onChange(texts: Texts): void;
}) {
  const { def, texts } = props;
  const put = (indicator: string, locale: Locale, value: string) =>
    props.onChange({ ...texts, [indicator]: { ...texts[indicator], [locale]: value } });
  return (
    <>
      <p class="hint">{t("publicResults.fallback")}</p>
      {def.indicators.map((indicator) => (
        <fieldset key={indicator.id} class="ward-texts">
          <legend>
            {t("publicResults.textsLegend", { indicator: localize(indicator.label, props.locale) })}
          </legend>
          {def.locales.map((l) => (
            <label key={l} class="control">
              <span class="field-label" lang={l}>
                {LANGUAGE_NAMES[l]}
              </span>
              <textarea
                lang={l}
                rows={2}
                maxLength={2000}
                value={texts[indicator.id]?.[l] ?? ""}
                placeholder={l === "ja" ? "" : (texts[indicator.id]?.ja ?? "")}
                onInput={(event) => put(indicator.id, l, event.currentTarget.value)}
                data-testid={`ward-text-${indicator.id}-${l}`}
              />
            </label>
          ))}
        </fieldset>
      ))}
    </>
  );
}
