/**
 * The one script of a survey's page whose first screen is in the HTML (build/first-screen.tsx),
 * carried inline in the page's head (inlinedAssets), so that it runs as it is parsed and the first
 * paint waits for no request of its own: it fetches the app once that screen has been painted, and
 * runs it when the page is idle. The app's own script tag, run at once, compiled and ran the whole
 * app on a slow phone's one core before the first paint, and its modulepreload links compiled it
 * too (bench/RESULTS.md, first question); on slow mobile data, its files also took the
 * stylesheet's bandwidth. The build moves the app's files into #app's data-app-modules
 * (FIRST_SCREEN_MODULES in respondent/first-screen-markup.ts): the entry, then the files it
 * imports, then the page's language's messages, which the app imports before it renders.
 * Built on its own, with what it imports bundled in (build/first-screens-plugin.ts), and exports
 * nothing, so that it can be carried inline as a classic script.
 */
import { type EarlyFlow, startEarlyQuestions } from "./respondent/early-questions";
import {
  CLOSES_ATTRIBUTE,
  DRAFT_ATTRIBUTE,
  draftMarkKey,
  EARLY_FLOW_ID,
  FIRST_QUESTION_LAID_OUT_ATTRIBUTE,
  FIRST_SCREEN_ATTRIBUTE,
  OPENS_ATTRIBUTE,
  PERIOD_ATTRIBUTE,
} from "./respondent/first-screen-markup";

// A draft of this survey kept on this device (device/drafts.ts keeps the mark; the drafts are in
// IndexedDB, which the app reads only at its first idle moment): the intro is drawn with Continue /
// Start over (DRAFT_ATTRIBUTE on <html>, styles.css) from its first paint, rather than with a Start
// that gave way to them under the respondent's thumb. This script runs in the head, before the
// first paint and before #app is parsed: <html> is marked now, and the rest waits for the document.
// The survey's id is in the page's address (/s/<id>).
try {
  if (localStorage.getItem(draftMarkKey(location.pathname.slice(3))))
    document.documentElement.setAttribute(DRAFT_ATTRIBUTE, "");
} catch {} // storage blocked: the app offers the draft when it reads it

// The survey's answer period (data-opens, data-closes on <html>, Tokyo days: build/first-screen.tsx):
// the page is drawn once and served for weeks, so whether it is open is decided here, on this
// device's day in Tokyo (UTC+9 all year, as domain/tokyo-day.ts), before the first paint. Outside
// the period the intro shows its notice instead of Start and Continue (data-period, styles.css).
{
  const html = document.documentElement;
  const opens = html.getAttribute(OPENS_ATTRIBUTE);
  const closes = html.getAttribute(CLOSES_ATTRIBUTE);
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  if (opens && today < opens) html.setAttribute(PERIOD_ATTRIBUTE, "before");
  else if (closes && today > closes) html.setAttribute(PERIOD_ATTRIBUTE, "closed");
}

function boot(): void {
  const root = document.getElementById("app");
  const modules = root?.dataset.appModules?.split(" ").filter(Boolean) ?? [];
  const [entry] = modules;

  // Fetched (and compiled, off the main thread) from just after the first frame on, run at the first
  // idle moment: fetched only then, the app took over ~170 ms later at 4x CPU throttle. A task of its
  // own, after the frame that shows a Start pressed meanwhile: in that frame's rAF, the question came
  // later (bench/ab-first-question.ts, 21 rounds: first question 1.61 -> 1.41 of the bare page).
  function preload(): void {
    for (const href of modules) {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.crossOrigin = "";
      link.href = href;
      document.head.append(link);
    }
  }

  function runApp(src: string): void {
    const script = document.createElement("script");
    script.type = "module";
    script.crossOrigin = "";
    script.src = src;
    document.head.append(script);
  }

  // The HTML's questions, answered before the app runs: Next checks the answer and shows the next
  // question, Back the one before (respondent/early-questions.ts). Where the survey's rules cannot
  // be read from the page, Next is only kept for the app (first-screen.ts), as at the review.
  if (root) {
    let flow: EarlyFlow | undefined;
    try {
      flow = JSON.parse(document.getElementById(EARLY_FLOW_ID)?.textContent ?? "") as EarlyFlow;
    } catch (error) {
      console.error("the page's questions wait for the app", error);
    }
    startEarlyQuestions(root, flow);
  }

  // Continue on the HTML's intro (its only button there), pressed before the app runs: only the app
  // can read the draft. The press is kept as data-draft="continue" (DRAFT_ATTRIBUTE) for the app,
  // which resumes the draft when it takes over, and the button says it is busy meanwhile. Start over
  // is a link to the first question, as Start is; the app drops the draft when it takes over from it.
  root?.addEventListener("click", (event) => {
    const button = (event.target as Element).closest(".intro__resume button");
    if (!button || !root.hasAttribute(FIRST_SCREEN_ATTRIBUTE)) return;
    document.documentElement.setAttribute(DRAFT_ATTRIBUTE, "continue");
    button.setAttribute("aria-busy", "true");
  });

  // In the task after the frame that paints the first screen: the hidden first question is styled and
  // laid out (FIRST_QUESTION_LAID_OUT_ATTRIBUTE), which a Start pressed later no longer waits for;
  // in the task after that, the app's files are preloaded. At
  // 4x CPU throttle, Start pressed 150 ms after it was shown took 45 ms to show the question, 20 ms
  // with this (BENCH_PRESS_DELAY_MS=150 bench/ab-first-question.ts).
  // Then, at the first idle moment, the app: compiling and running it is one long task, and a Start
  // pressed meanwhile must show its question first. Where there is no requestIdleCallback (Safari),
  // the task after that frame.
  if (entry)
    requestAnimationFrame(() => {
      setTimeout(() => {
        root?.setAttribute(FIRST_QUESTION_LAID_OUT_ATTRIBUTE, "");
        setTimeout(preload, 0);
      }, 0);
      const run = () => runApp(entry);
      if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 1000 });
      else setTimeout(run, 0);
    });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
