import { createStore } from "../store";

/**
 * True while a respondent is between "start" and "submit" (or holds answers they have not sent):
 * the update prompt waits for it to turn false before it offers a reload, which would lose them.
 * One per page: a reload ends every screen of the page at once, so any of them answering counts.
 */
export const answering = createStore(false);
