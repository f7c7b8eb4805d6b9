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
