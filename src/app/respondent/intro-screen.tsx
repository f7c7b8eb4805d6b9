import { useEffect, useRef } from "preact/hooks";
import { t } from "../../i18n";
import type { SurveyDefinition } from "../../survey";
import { localize } from "../../survey/locales";

export function IntroScreen({
  def,
  locale,
  onStart,
}: {
  def: SurveyDefinition;
  locale: string;
  onStart(): void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
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
      <button type="button" class="button button--primary button--wide" onClick={onStart}>
        {t("intro.start")}
      </button>
    </div>
  );
}
