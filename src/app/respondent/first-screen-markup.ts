/**
 * The names by which the HTML's own first screen of a survey (build/first-screen.tsx) and the app
 * that takes over from it (first-screen.ts, boot.ts) know each other. A module of its own: the
 * page's first script needs them and nothing else.
 */

/** The first question's element, hidden until the intro's Start link targets it. */
export const FIRST_QUESTION_FRAGMENT = "first-question";

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
