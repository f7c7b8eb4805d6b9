import { createHash } from "node:crypto";
import { Script } from "node:vm";
import { renderToString } from "preact-render-to-string";
import { AppHeader } from "../app/components/app-header";
import { LocaleContext } from "../app/locale-context";
import type { EarlyFlow, EarlyTexts } from "../app/respondent/early-questions";
import { errorMessage } from "../app/respondent/error-message";
import {
  CLOSES_ATTRIBUTE,
  EARLY_FLOW_ID,
  EARLY_QUESTION_CLASS,
  EARLY_TEXTS_ATTRIBUTE,
  FIRST_QUESTION_ANCHOR_CLASS,
  FIRST_QUESTION_CLASS,
  FIRST_QUESTION_FRAGMENT,
  FIRST_SCREEN_ATTRIBUTE,
  FIRST_SCREEN_MODULES,
  INTRO_PARSED_ID,
  OPENS_ATTRIBUTE,
  QUESTION_ATTRIBUTE,
} from "../app/respondent/first-screen-markup";
import { firstScreen, progressOf, questionById } from "../app/respondent/flow";
import { IntroScreen } from "../app/respondent/intro-screen";
import { QuestionScreen } from "../app/respondent/question-screen";
import type { Question, SurveyDefinition } from "../domain/definition";
import { definitionIn } from "../domain/definition-in";
import type { Locale } from "../domain/locales";
import type { AnswerError, AnswerErrorCode } from "../domain/validate";
import { initI18n, setLanguage, t } from "../i18n";

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
        {/*
         * The first questions, the first shown by Start and the others hidden: the page's one script
         * takes a respondent through them before the app runs (respondent/early-questions.ts).
         */}
        {question &&
          [question, ...def.questions.filter((q) => q !== question)].slice(0, EARLY_QUESTIONS).map((q) => (
            <div
              key={q.id}
              class={q === question ? FIRST_QUESTION_CLASS : EARLY_QUESTION_CLASS}
              hidden={q !== question}
              {...{ [QUESTION_ATTRIBUTE]: q.id, [EARLY_TEXTS_ATTRIBUTE]: JSON.stringify(earlyTexts(q)) }}
            >
              <QuestionScreen
                question={q}
                answer={undefined}
                error={undefined}
                locale={locale}
                progress={progressOf(def, {}, q.id)}
                fromReview={false}
                onAnswer={noop}
                onUnreadable={noop}
                onBack={noop}
                onNext={noop}
              />
            </div>
          ))}
        {question && (
          <script
            type="application/json"
            id={EARLY_FLOW_ID}
            dangerouslySetInnerHTML={{ __html: flowJson(def) }}
          />
        )}
      </main>
    </LocaleContext.Provider>
  );
}

/**
 * How many questions the HTML holds. The app takes over about 0.5 s into a cold visit at 4x CPU
 * throttle, 0.9 s over slow 4G too (bench/RESULTS.md, the app in charge), and a respondent reads and
 * answers a question in seconds: three questions outlast the app's arrival. Every question (14 in ward-resident) made the
 * page 2.5 times the HTML to parse, and the press of Start waited for that parse (first question,
 * bench/ab-first-question.ts: 1.39 to 1.65 of the bare page). Past them, Next is kept for the app.
 */
const EARLY_QUESTIONS = 3;

/** The errors a question's answer can have, as the app words them, and a text field's counter. */
function earlyTexts(question: Question): EarlyTexts {
  const codes: (AnswerErrorCode | "invalid")[] = ["invalid"];
  if (question.required) codes.push("required");
  if (question.kind === "multiple" && question.exclusive.length > 0) codes.push("exclusive_option");
  if (question.kind === "text") codes.push("too_long", "control_character");
  if (question.kind === "number") {
    codes.push("wrong_type");
    if (question.integer) codes.push("not_integer");
    if (question.min !== undefined) codes.push("below_min");
    if (question.max !== undefined) codes.push("above_max");
  }
  const errors: EarlyTexts["errors"] = {};
  for (const code of codes) {
    // "invalid": errorMessage's wording for any code it has none of its own for.
    const error = { questionId: question.id, code: code === "invalid" ? "unknown_option" : code };
    errors[code] = errorMessage({ ...error, message: "", path: "" } as AnswerError, question);
  }
  return question.kind === "text"
    ? { errors, counter: t("respondent.characters", { used: "{used}", max: question.maxLength }) }
    : { errors };
}

/**
 * What the page's one script reads of the survey: its rules without its texts, which the HTML
 * already holds. The flow (flow.ts, domain/validate.ts) reads none of the texts it leaves out.
 */
export function flowJson(def: SurveyDefinition): string {
  const flow: EarlyFlow = {
    id: def.id,
    version: def.version,
    questions: def.questions.map((q) => {
      const { label: _, shortLabel: __, help: ___, ...rules } = q;
      const logic =
        "options" in rules ? { ...rules, options: rules.options.map(({ id }) => ({ id })) } : rules;
      return ("unit" in logic ? { ...logic, unit: undefined } : logic) as Question;
    }),
  };
  // In a <script> element: a "</script" in it would end the element early.
  return JSON.stringify(flow).replaceAll("<", "\\u003c");
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
  /** The boot script's file (first-screen-boot.ts), whose text the page carries inline. */
  bootScript: string;
  /** The chunk of `locale`'s messages (src/i18n), which the app imports before its first render. */
  catalogueChunk: string;
}

/** A built file's text by its path in the page ("/assets/x.js"): the build's outDir, or the collector's. */
export type ReadAsset = (path: string) => string;

/** What a survey page carries inline, and the hashes the Content-Security-Policy allows them by. */
export interface InlinedAssets {
  script: string;
  style: string;
  /** CSP source expressions ('sha256-…'), for script-src and style-src. */
  hashes: { script: string; style: string };
}

const cspHash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

const STYLESHEET = /<link rel="stylesheet" crossorigin href="([^"]+)">/;

/**
 * The boot script and the stylesheet as a survey page carries them: in the HTML, so that its first
 * paint waits for no other request. Each was a request of its own that held that paint (the
 * stylesheet as any does, the boot script by blocking="render"): over slow 4G (150 ms, 1.6 Mbps)
 * the first question came ~130 ms later (bench/RESULTS.md). The boot script, built as a module
 * that imports and exports nothing (first-screens-plugin.ts), runs as a classic script in a strict
 * function of its own, so that its names stay out of the page's globals.
 */
export function inlinedAssets(indexHtml: string, bootScript: string, read: ReadAsset): InlinedAssets {
  const stylesheet = STYLESHEET.exec(indexHtml)?.[1];
  if (!stylesheet) throw new FirstScreenError("index.html has no stylesheet to carry inline");
  const script = `(()=>{"use strict";${read(bootScript).trim()}})()`;
  const style = read(stylesheet).trim();
  // Either text ending its element early would end it there, and the rest would be page text.
  if (/<\/script/i.test(script)) throw new FirstScreenError(`${bootScript} holds "</script"`);
  if (/<\/style/i.test(style)) throw new FirstScreenError(`${stylesheet} holds "</style"`);
  try {
    new Script(script, { filename: bootScript });
  } catch (error) {
    throw new FirstScreenError(`${bootScript} is no classic script: ${(error as Error).message}`);
  }
  return { script, style, hashes: { script: cspHash(script), style: cspHash(style) } };
}

/**
 * index.html as the build wrote it, made the page of `surveyId` in `locale`: `markup` in #app, the
 * page's language set, the stylesheet and the boot script carried inline (`inline`, from
 * inlinedAssets, read once for every page of a build), and the
 * app's script and modulepreload links replaced by the list of files the boot script loads, with
 * the language's messages beside them, once the first screen is painted (first-screen-boot.ts).
 */
export function firstScreenPage(indexHtml: string, page: FirstScreenPage, inline: InlinedAssets): string {
  const app = '<div id="app"></div>';
  const html = '<html lang="ja">';
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(indexHtml);
  const stylesheet = STYLESHEET.exec(indexHtml);
  if (!indexHtml.includes(app) || !indexHtml.includes(html) || !entry || !stylesheet)
    throw new FirstScreenError(
      `index.html has no ${app}, no ${html}, no module script or no stylesheet to fill in`,
    );
  const imported = [...indexHtml.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g)];
  const modules = [entry[1], ...imported.map((m) => m[1]), page.catalogueChunk].join(" ");
  let out = indexHtml;
  for (const link of imported) out = out.replace(link[0], "");
  // Functions, not strings: a "$&" in a survey's text must not be read as a replacement pattern.
  // The boot script runs as it is parsed, before the first paint: it marks a kept draft then. The
  // expect link holds that paint until the intro is parsed whole (INTRO_PARSED_ID), where Chromium
  // would paint a part of it.
  return out
    .replace(html, () => `<html lang="${page.locale}"${periodAttributes(page.markup)}>`)
    .replace(
      entry[0],
      () =>
        `<script>${inline.script}</script><link rel="expect" href="#${INTRO_PARSED_ID}" blocking="render">`,
    )
    .replace(stylesheet[0], () => `<style>${inline.style}</style>`)
    .replace(
      app,
      () =>
        `<div id="app" ${FIRST_SCREEN_ATTRIBUTE}="${page.surveyId}" ${FIRST_SCREEN_MODULES}="${modules}">${page.markup}</div>`,
    );
}
