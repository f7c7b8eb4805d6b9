import { useId, useMemo, useState } from "preact/hooks";
import type { SurveyDefinition } from "../../../domain/definition";
import type { Locale } from "../../../domain/locales";
import { LANGUAGE_NAMES } from "../../../domain/locales";
import { t } from "../../../i18n";
import { LocaleContext, type LocaleState, useLocale } from "../../locale-context";
import { SurveyForm } from "../../respondent/survey-form";

/**
 * The respondent's own screens (SurveyForm) over a definition not yet published, in a language
 * picked among the definition's. The form runs in its preview mode: no draft read or written, and
 * Submit puts nothing in the outbox. The survey's texts follow the picked language (the locale the
 * form reads from LocaleContext); the app's own words (Next, Back) stay in the page's language.
 */
export function SurveyPreview({ def }: { def: SurveyDefinition }) {
  const page = useLocale();
  // Unique: the next version's and a new survey's previews can both be on the page.
  const titleId = useId();
  const [locale, setLocale] = useState<Locale>(
    def.locales.includes(page.locale) ? page.locale : (def.locales[0] ?? "ja"),
  );
  // A new start: the form's state is its own, so a fresh key begins at the intro again.
  const [run, setRun] = useState(0);
  const state = useMemo<LocaleState>(() => ({ locale, setLocale: async (l) => setLocale(l) }), [locale]);
  return (
    <section class="versions__preview" aria-labelledby={titleId}>
      <h3 id={titleId}>{t("versions.previewTitle")}</h3>
      <p class="hint">{t("versions.previewNote")}</p>
      <div class="versions__preview-bar">
        <label class="control">
          <span class="field-label">{t("versions.previewLanguage")}</span>
          <select
            value={locale}
            data-testid="preview-language"
            onChange={(event) => setLocale(event.currentTarget.value as Locale)}
          >
            {def.locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button button--small button--quiet" onClick={() => setRun((n) => n + 1)}>
          {t("versions.previewAgain")}
        </button>
      </div>
      <div class="versions__phone" lang={locale} data-testid="survey-preview">
        <LocaleContext.Provider value={state}>
          <SurveyForm key={run} def={def} preview onSubmitted={() => setRun((n) => n + 1)} />
        </LocaleContext.Provider>
      </div>
    </section>
  );
}
