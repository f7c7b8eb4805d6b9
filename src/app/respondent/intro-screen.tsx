import type { ComponentChildren } from "preact";
import type { AnswerPeriod } from "../../domain/answer-period";
import { estimatedMinutes } from "../../domain/answer-time";
import type { SurveyDefinition } from "../../domain/definition";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { formatDayWithWeekday } from "../tokyo-day-format";
import { CLOSES_ATTRIBUTE, OPENS_ATTRIBUTE } from "./first-screen-markup";

export function IntroScreen({
  def,
  locale,
  onStart,
  startHref,
  resume,
  period,
  invitation,
}: {
  def: SurveyDefinition;
  locale: string;
  /**
   * Where today falls in the survey's answer period, as the app sees it (answer-period.ts): outside
   * it the intro says so and offers neither Start nor the draft. Absent in the HTML (`startHref`),
   * drawn before any day is known: it holds both notices its dates need, and the page's one script
   * picks on the respondent's own day before the first paint (first-screen-boot.ts, PERIOD_ATTRIBUTE).
   */
  period?: AnswerPeriod;
  onStart(): void;
  /**
   * Start and Start over as links to this fragment: the first screen as the HTML draws it before the
   * app's script has run (build/first-screen.tsx), where a link is what still works. The HTML holds
   * both Start and Continue / Start over; the page's one script picks one before the first paint
   * (first-screen-boot.ts, DRAFT_ATTRIBUTE; styles.css hides the other).
   */
  startHref?: string;
  /**
   * Set when this device holds unfinished answers to this survey. `busy`: Continue was pressed and
   * the draft is still being read.
   */
  resume?: { onContinue(): void; onStartOver(): void; busy?: boolean };
  /** A resident's own phone: the mailed letter's code (never in the HTML, nor on a kiosk). */
  invitation?: ComponentChildren;
}) {
  const headingRef = useFocusOnShow<HTMLHeadingElement>();
  // Start, and Start over: links in the HTML, where a link is what works before the app's script.
  const begin = (label: string, kind: string, onClick?: () => void) =>
    startHref ? (
      <a href={startHref} class={`button button--${kind} button--wide`}>
        {t(label)}
      </a>
    ) : (
      <button type="button" class={`button button--${kind} button--wide`} onClick={onClick}>
        {t(label)}
      </button>
    );
  const html = startHref !== undefined;
  const open = html || period === undefined || period === "open";
  const notice = (kind: "before" | "closed", day: string | undefined) =>
    day &&
    (html || period === kind) && (
      <p
        class={`notice notice--warning intro__period intro__period--${kind}`}
        role={html ? undefined : "status"}
      >
        {t(kind === "before" ? "intro.notYetOpen" : "intro.closed", {
          date: formatDayWithWeekday(day, locale),
        })}
      </p>
    );
  return (
    <div class="intro" {...(html && { [OPENS_ATTRIBUTE]: def.opens, [CLOSES_ATTRIBUTE]: def.closes })}>
      <h1 ref={headingRef} tabIndex={-1}>
        {localize(def.title, locale)}
      </h1>
      <p>{localize(def.description, locale)}</p>
      {notice("before", def.opens)}
      {notice("closed", def.closes)}
      <ul class="intro__facts">
        <li>{t("intro.anonymous")}</li>
        <li>{t("intro.offline")}</li>
        <li>{t("intro.questions", { n: def.questions.length, minutes: estimatedMinutes(def) })}</li>
      </ul>
      {/*
       * Start before the offer of the draft: of the HTML's two (one of them hidden), the one a
       * respondent without a draft, the most of them, is shown is the first the parser reaches.
       */}
      {open && (!resume || startHref) && begin("intro.start", "primary", onStart)}
      {open && (resume || startHref) && (
        <section class="notice intro__resume" aria-labelledby="resume-title">
          <p id="resume-title">
            <strong>{t("draft.found")}</strong>
          </p>
          {/*
           * Continue is the primary button, where the eye and thumb go first: a respondent who comes
           * back to a half-answered form most likely came back to finish it. In the HTML a press on
           * it is kept by the page's one script for the app, which alone can read the draft.
           */}
          <button
            type="button"
            class="button button--primary button--wide"
            onClick={resume?.onContinue}
            aria-busy={resume?.busy ? "true" : undefined}
          >
            {t("draft.continue")}
          </button>
          {begin("draft.startOver", "secondary", resume?.onStartOver)}
        </section>
      )}
      {/*
       * Last: the HTML of the first screen has no code entry (the app draws it), so anything it drew
       * above Start would push Start and Continue down as the app takes over, under a finger.
       */}
      {open && invitation && <div class="intro__invitation">{invitation}</div>}
    </div>
  );
}
