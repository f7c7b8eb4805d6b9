import { renderToString } from "preact-render-to-string";
import { AppHeader } from "../app/components/app-header";
import { LocaleContext } from "../app/locale-context";
import {
  CLOSES_ATTRIBUTE,
  FIRST_QUESTION_ANCHOR_CLASS,
  FIRST_QUESTION_CLASS,
  FIRST_QUESTION_FRAGMENT,
  FIRST_SCREEN_ATTRIBUTE,
  FIRST_SCREEN_MODULES,
  INTRO_PARSED_ID,
  OPENS_ATTRIBUTE,
} from "../app/respondent/first-screen-markup";
import { firstScreen, progressOf, questionById } from "../app/respondent/flow";
import { IntroScreen } from "../app/respondent/intro-screen";
import { QuestionScreen } from "../app/respondent/question-screen";
import type { SurveyDefinition } from "../domain/definition";
import { definitionIn } from "../domain/definition-in";
import type { Locale } from "../domain/locales";
import { initI18n, setLanguage } from "../i18n";

/*
 * A survey's first screen drawn at build time into its page's HTML, one page per language (the
 * collector picks it as it picks the definition's language: static-files.ts). A slow phone shows it
 * as soon as the HTML and the stylesheet are in, instead of after compiling and running the app:
 * the intro, and the first question behind the intro's Start link (a fragment link and :target,
 * so Start works before any script). The app then replaces it with its own render, keeping what
 * the respondent did (respondent/first-screen.ts). The markup is the app's own components.
 */

/** A first screen the build cannot write as the page the collector would serve. */
export class FirstScreenError extends Error {
  override name = "FirstScreenError";
}

const noop = () => {};

function FirstScreen({ def, locale }: { def: SurveyDefinition; locale: Locale }) {
  const first = firstScreen(def, {});
  const question = first.kind === "question" ? questionById(def, first.questionId) : undefined;
  return (
    <LocaleContext.Provider value={{ locale, setLocale: async () => {} }}>
      <AppHeader kiosk={false} />
      <main id="main" class="app-main">
        {/*
         * The intro first, so that a slow phone's parser reaches Start before the question's markup:
         * Chromium's parser yields between chunks, and a Start after the question was drawn a frame
         * or more later (bench/ab-first-question.ts: 1.90 -> 1.65 against the bare page). Start
         * targets the empty anchor before both, which styles.css's sibling selectors read.
         */}
        {question && <span id={FIRST_QUESTION_FRAGMENT} class={FIRST_QUESTION_ANCHOR_CLASS} />}
        <IntroScreen
          def={def}
          locale={locale}
          onStart={noop}
          {...(question && { startHref: `#${FIRST_QUESTION_FRAGMENT}` })}
        />
        <span id={INTRO_PARSED_ID} hidden />
        {question && (
          <div class={FIRST_QUESTION_CLASS}>
            <QuestionScreen
              question={question}
              answer={undefined}
              error={undefined}
              locale={locale}
              progress={progressOf(def, {}, question.id)}
              fromReview={false}
              onAnswer={noop}
              onUnreadable={noop}
              onBack={noop}
              onNext={noop}
            />
          </div>
        )}
      </main>
    </LocaleContext.Provider>
  );
}

let i18nReady: Promise<void> | undefined;

/** The markup of #app for `def`'s page in `locale`. */
export async function renderFirstScreen(def: SurveyDefinition, locale: Locale): Promise<string> {
  if (!i18nReady) i18nReady = initI18n(locale);
  await i18nReady;
  await setLanguage(locale);
  const markup = renderToString(<FirstScreen def={definitionIn(def, locale)} locale={locale} />);
  // The page is served under the app's Content-Security-Policy, which refuses inline styles.
  if (/\sstyle="/.test(markup))
    throw new FirstScreenError(`${def.id} (${locale}): the first screen has a style attribute`);
  return markup;
}

/**
 * The survey's days as the intro's markup carries them, for <html>: the page's one script reads them
 * there before #app is parsed (first-screen-boot.ts). Only YYYY-MM-DD passes, so nothing else of the
 * markup can reach the tag.
 */
function periodAttributes(markup: string): string {
  const intro = /<div class="intro"([^>]*)>/.exec(markup)?.[1] ?? "";
  let out = "";
  for (const name of [OPENS_ATTRIBUTE, CLOSES_ATTRIBUTE]) {
    const day = new RegExp(`\\s${name}="(\\d{4}-\\d{2}-\\d{2})"`).exec(intro)?.[1];
    if (day) out += ` ${name}="${day}"`;
  }
  return out;
}

/** What the build knows of one survey page: the first screen's markup and the files around it. */
export interface FirstScreenPage {
  surveyId: string;
  locale: Locale;
  markup: string;
  bootScript: string;
  /** The chunk of `locale`'s messages (src/i18n), which the app imports before its first render. */
  catalogueChunk: string;
}

/**
 * index.html as the build wrote it, made the page of `surveyId` in `locale`: `markup` in #app, the
 * page's language set, and the app's script and modulepreload links replaced by `bootScript`, which
 * loads them, and the language's messages beside them, once the first screen is painted
 * (first-screen-boot.ts).
 */
export function firstScreenPage(indexHtml: string, page: FirstScreenPage): string {
  const app = '<div id="app"></div>';
  const html = '<html lang="ja">';
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(indexHtml);
  if (!indexHtml.includes(app) || !indexHtml.includes(html) || !entry)
    throw new FirstScreenError(`index.html has no ${app}, no ${html} or no module script to fill in`);
  const imported = [...indexHtml.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g)];
  const modules = [entry[1], ...imported.map((m) => m[1]), page.catalogueChunk].join(" ");
  let out = indexHtml;
  for (const link of imported) out = out.replace(link[0], "");
  // Functions, not strings: a "$&" in a survey's text must not be read as a replacement pattern.
  // The boot script is async and render-blocking: it marks a kept draft before the intro's first
  // paint, as soon as it is fetched, without holding that paint until the page is parsed
  // (first-screen-boot.ts). Browsers without `blocking` (Firefox, Safari) run it as soon as fetched,
  // which is usually before that paint but not always. The expect link holds that paint until the
  // intro is parsed whole (INTRO_PARSED_ID), where Chromium would paint a part of it.
  return out
    .replace(html, () => `<html lang="${page.locale}"${periodAttributes(page.markup)}>`)
    .replace(
      entry[0],
      () =>
        `<script type="module" crossorigin async blocking="render" src="${page.bootScript}"></script>` +
        `<link rel="expect" href="#${INTRO_PARSED_ID}" blocking="render">`,
    )
    .replace(
      app,
      () =>
        `<div id="app" ${FIRST_SCREEN_ATTRIBUTE}="${page.surveyId}" ${FIRST_SCREEN_MODULES}="${modules}">${page.markup}</div>`,
    );
}
