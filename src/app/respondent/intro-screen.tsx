import { t } from "../../i18n";
import type { SurveyDefinition } from "../../survey";
import { localize } from "../../survey/locales";
import { useFocusOnShow } from "../hooks/use-focus-on-show";

export function IntroScreen({
  def,
  locale,
  onStart,
  resume,
}: {
  def: SurveyDefinition;
  locale: string;
  onStart(): void;
  /** Set when this device holds unfinished answers to this survey. */
  resume?: { onContinue(): void; onStartOver(): void };
}) {
  const headingRef = useFocusOnShow<HTMLHeadingElement>();
  return (
    <div class="intro">
      <h1 ref={headingRef} tabIndex={-1}>
        {localize(def.title, locale)}
      </h1>
      <p>{localize(def.description, locale)}</p>
      <ul class="intro__facts">
        <li>{t("intro.anonymous")}</li>
        <li>{t("intro.offline")}</li>
        <li>{t("intro.questions", { n: def.questions.length })}</li>
      </ul>
      {resume ? (
        <section class="notice intro__resume" aria-labelledby="resume-title">
          <p id="resume-title">
            <strong>{t("draft.found")}</strong>
          </p>
          <button type="button" class="button button--primary button--wide" onClick={resume.onContinue}>
            {t("draft.continue")}
          </button>
          <button type="button" class="button button--secondary button--wide" onClick={resume.onStartOver}>
            {t("draft.startOver")}
          </button>
        </section>
      ) : (
        <button type="button" class="button button--primary button--wide" onClick={onStart}>
          {t("intro.start")}
        </button>
      )}
    </div>
  );
}
