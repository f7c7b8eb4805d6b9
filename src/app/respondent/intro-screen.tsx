import { t } from "../../i18n";
import type { SurveyDefinition } from "../../survey";
import { localize } from "../../survey/locales";
import { useFocusOnShow } from "../hooks/use-focus-on-show";

export function IntroScreen({
  def,
  locale,
  onStart,
  startHref,
  resume,
}: {
  def: SurveyDefinition;
  locale: string;
  onStart(): void;
  /**
   * Start as a link to this fragment: the first screen as the HTML draws it before the app's script
   * has run (build/first-screen.tsx), where a link is what still works.
   */
  startHref?: string;
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
      ) : startHref ? (
        <a href={startHref} class="button button--primary button--wide">
          {t("intro.start")}
        </a>
      ) : (
        <button type="button" class="button button--primary button--wide" onClick={onStart}>
          {t("intro.start")}
        </button>
      )}
    </div>
  );
}
