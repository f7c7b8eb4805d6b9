/**
 * The names by which the HTML's own first screen of a survey (build/first-screen.tsx) and the app
 * that takes over from it (first-screen.ts, boot.ts) know each other. A module of its own: the
 * page's first script needs them and nothing else.
 */

/**
 * The empty anchor before the intro that the intro's Start link targets: once targeted, the intro
 * after it is hidden and the first question shown (styles.css).
 */
export const FIRST_QUESTION_FRAGMENT = "first-question";
export const FIRST_QUESTION_ANCHOR_CLASS = "first-question-anchor";

/**
 * An empty element right after the HTML's intro, which the page's head names in a render-blocking
 * `<link rel="expect">` (build/first-screen.tsx): the first paint waits until the parser is past the
 * intro's buttons. Chromium's parser yields between chunks and paints what it has: a first frame of
 * the intro without its Start or Continue was seen at 4x CPU throttle (tests/e2e/intro-draft.e2e.ts).
 */
export const INTRO_PARSED_ID = "intro-parsed";

/** The first question's element, after the intro, hidden until Start targets the anchor. */
export const FIRST_QUESTION_CLASS = "first-question";

/** Set on #app by the build: which survey's first screen the HTML holds. */
export const FIRST_SCREEN_ATTRIBUTE = "data-first-screen";

/**
 * Set on #app by the build: the app's entry script, the files it imports and the chunk of the page's
 * language's messages, which the page's one script (first-screen-boot.ts, which reads it as
 * dataset.appModules) loads once the screen is painted.
 */
export const FIRST_SCREEN_MODULES = "data-app-modules";

/**
 * Set on #app by the page's one script when Next is pressed on the HTML's first question before the
 * app runs: the app, taking over, does what that press asked (first-screen.ts).
 */
export const NEXT_PRESSED_ATTRIBUTE = "data-next-pressed";

/**
 * Set on #app by the page's one script after the first screen is painted: from then on the hidden
 * first question is styled and laid out, though still invisible and out of the accessibility tree
 * (styles.css), so that Start only has to show it. Before the first paint it would delay Start.
 */
export const FIRST_QUESTION_LAID_OUT_ATTRIBUTE = "data-first-question-laid-out";

/**
 * Set on <html> by the page's one script (which may run before #app is parsed), before the first
 * screen is painted, when this device keeps a draft of the survey (device/drafts.ts,
 * draftMarkKey): the HTML's intro then shows Continue / Start over instead of Start (styles.css),
 * so the intro's buttons never change under a thumb. Its value becomes "continue" when Continue is
 * pressed before the app runs: only the app can read the draft, so it resumes it when it takes over
 * (first-screen.ts).
 */
export const DRAFT_ATTRIBUTE = "data-draft";

/**
 * The survey's first and last day (YYYY-MM-DD, Tokyo) on the HTML's intro, which the build copies
 * onto <html> (build/first-screen.tsx), where the page's one script reads them before #app is
 * parsed. The page is drawn once and served for weeks, so it cannot know whether it is open: the
 * script sets PERIOD_ATTRIBUTE on <html>, "before" or "closed", from the respondent's own day, and
 * styles.css then shows that notice instead of Start (and of the draft's Continue).
 */
export const OPENS_ATTRIBUTE = "data-opens";
export const CLOSES_ATTRIBUTE = "data-closes";
export const PERIOD_ATTRIBUTE = "data-period";

/**
 * On each question's element in the HTML (build/first-screen.tsx): the question's id. The HTML holds
 * every question of the survey, the first after the intro (FIRST_QUESTION_CLASS) and the others
 * hidden (EARLY_QUESTION_CLASS), so that the page's one script can take a respondent from question
 * to question before the app runs (early-questions.ts).
 */
export const QUESTION_ATTRIBUTE = "data-question";
export const EARLY_QUESTION_CLASS = "early-question";

/**
 * On each question's element: what the page's one script says there without the app's messages, as
 * JSON (EarlyTexts in early-questions.ts): each error the question's answer can have, and a text
 * field's counter.
 */
export const EARLY_TEXTS_ATTRIBUTE = "data-texts";

/**
 * The id of the page's `<script type="application/json">` holding what the survey's flow reads (its
 * id, version and questions with their rules, no texts): the page's one script moves from question
 * to question by the same rules as the app (respondent/flow.ts, domain/validate.ts).
 */
export const EARLY_FLOW_ID = "early-flow";

/**
 * Set on #app by the page's one script once it answers the form's presses (early-questions.ts):
 * Next checks the answer and shows the next question, Back the one before. The app removes it,
 * with FIRST_SCREEN_ATTRIBUTE, when it takes over.
 */
export const EARLY_READY_ATTRIBUTE = "data-early-ready";

/**
 * Set on #app by the page's one script once a respondent has moved or answered on the HTML's
 * questions: the id of the question shown. The app takes over on that question (first-screen.ts);
 * the address has lost the first question's fragment by then (early-questions.ts, keepDraft).
 */
export const EARLY_AT_ATTRIBUTE = "data-early-at";

/**
 * The localStorage key of the mark that a survey's draft is kept on this device. The page's one
 * script reads it (first-screen-boot.ts) to draw the intro with Continue / Start over from its first
 * paint: the drafts themselves are in IndexedDB, which the app reads only at its first idle moment,
 * and Start shown until then gave way to Continue under a respondent's thumb.
 */
export const draftMarkKey = (surveyId: string) => `tsunagu-draft:${surveyId}`;

/**
 * The localStorage key of the answers given on the HTML's questions before the app ran, written by
 * the page's one script at each move (early-questions.ts) as a draft (outbox/draft.ts) that the app
 * reads beside the drafts in IndexedDB, and drops once it has written its own (device/drafts.ts).
 */
export const earlyDraftKey = (surveyId: string) => `tsunagu-early-draft:${surveyId}`;
