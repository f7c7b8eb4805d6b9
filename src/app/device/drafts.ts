import type { Draft, Outbox } from "../../outbox";
import { draftMarkKey, earlyDraftKey } from "../respondent/first-screen-markup";
import { existingOutbox, getOutbox } from "./outbox";

/** Long enough to write once per burst of typing, short enough that a reload rarely beats it. */
export const DRAFT_SAVE_DELAY_MS = 400;

export type DraftInput = Omit<Draft, "updatedAt">;

export interface DraftKeeper {
  load(surveyId: string): Promise<Draft | undefined>;
  /**
   * Remembers the latest state and writes it after a quiet moment, or at once when `now` (a move to
   * another question: the position is what a resume needs most). Never throws.
   */
  save(draft: DraftInput, now?: boolean): void;
  /** Writes any waiting draft now (the page is being hidden or closed). */
  flush(): Promise<void>;
  /** Forgets the survey's draft, including a write still waiting; resolves once it is gone from disk. */
  discard(surveyId: string): Promise<void>;
  /**
   * Drops the survey's waiting write and resolves once the writes already started have landed: a
   * transaction begun after this, a submit that deletes the draft, can no longer be overtaken by one.
   */
  settle(surveyId: string): Promise<void>;
}

interface KeeperOptions {
  outbox: () => Promise<Outbox>;
  /**
   * The outbox for a read, or undefined where none was ever made (app/device/outbox.ts): a device
   * that never wrote a draft has none to load, and a cold visit then fetches no outbox to say so.
   */
  existing?: () => Promise<Outbox | undefined>;
  delayMs?: number;
  now?: () => number;
  /**
   * Told whether the survey keeps a draft worth offering (one with answers): on before such a draft
   * is written, off once it is gone from disk. Both orders leave a crash between the two with a mark
   * that says "a draft" where there is none, never the other way round: the intro then offers
   * Continue, whose press finds nothing and starts the form, rather than offering Start over a draft.
   */
  mark?: (surveyId: string, kept: boolean) => void;
  /** The answers given before the app ran, kept by the page's own script (EarlyDrafts). */
  early?: EarlyDrafts;
}

/**
 * Drafts that the survey page's own script keeps while it runs the HTML's questions before the app
 * does (respondent/early-questions.ts): read beside the outbox's, the later one wins; dropped once
 * the outbox holds the survey's draft, or none.
 */
export interface EarlyDrafts {
  read(surveyId: string): Promise<Draft | undefined>;
  clear(surveyId: string): void;
}

/**
 * Debounced draft writes through the outbox's drafts store. Writes go one after another on a
 * single chain, so a discard always lands after any save made before it, never under it.
 */
export function createDraftKeeper(options: KeeperOptions): DraftKeeper {
  const delayMs = options.delayMs ?? DRAFT_SAVE_DELAY_MS;
  const now = options.now ?? Date.now;
  const mark = options.mark ?? (() => {});
  const waiting = new Map<string, { draft: DraftInput; timer: ReturnType<typeof setTimeout> }>();
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (work: (outbox: Outbox) => Promise<void>): Promise<void> => {
    const run = chain.then(async () => work(await options.outbox()));
    // A failed write (storage full, private mode) costs the draft, never the form: it is logged only.
    chain = run.catch((error: unknown) => console.warn("draft not saved", error));
    return run;
  };
  const write = (surveyId: string): Promise<void> => {
    const entry = waiting.get(surveyId);
    if (!entry) return chain;
    clearTimeout(entry.timer);
    waiting.delete(surveyId);
    // A draft with no answer offers nothing (respondent/resume.ts) and marks nothing; one that had
    // answers before keeps its mark until it is read as offering nothing (respondent-page.tsx).
    if (Object.keys(entry.draft.answers).length > 0) mark(surveyId, true);
    return enqueue(async (outbox) => {
      await outbox.putDraft({ ...entry.draft, updatedAt: now() });
      options.early?.clear(surveyId);
    }).catch(() => {});
  };
  const forget = (surveyId: string) => {
    const entry = waiting.get(surveyId);
    if (entry) clearTimeout(entry.timer);
    waiting.delete(surveyId);
  };
  return {
    load: async (surveyId) => {
      const [stored, early] = await Promise.all([
        (async () => (await (options.existing ?? options.outbox)())?.getDraft(surveyId))(),
        options.early?.read(surveyId),
      ]);
      return early && (!stored || early.updatedAt > stored.updatedAt) ? early : stored;
    },
    save(draft, immediately = false) {
      const previous = waiting.get(draft.surveyId);
      if (previous) clearTimeout(previous.timer);
      const timer = setTimeout(() => void write(draft.surveyId), delayMs);
      waiting.set(draft.surveyId, { draft, timer });
      if (immediately) void write(draft.surveyId);
    },
    async flush() {
      await Promise.all([...waiting.keys()].map(write));
    },
    discard(surveyId) {
      forget(surveyId);
      return enqueue(async (outbox) => {
        await outbox.deleteDraft(surveyId);
        options.early?.clear(surveyId);
        mark(surveyId, false);
      });
    },
    settle(surveyId) {
      forget(surveyId);
      return chain;
    },
  };
}

export { draftMarkKey };

/** Never throws: without storage (blocked, private mode) the intro learns of a draft only when it reads it. */
export function markDraft(surveyId: string, kept: boolean): void {
  try {
    if (kept) localStorage.setItem(draftMarkKey(surveyId), "1");
    else localStorage.removeItem(draftMarkKey(surveyId));
  } catch {}
}

/** This device's mark says that the survey keeps a draft (it may be stale: the draft is the truth). */
export function draftMarked(surveyId: string): boolean {
  try {
    return localStorage.getItem(draftMarkKey(surveyId)) !== null;
  } catch {
    return false;
  }
}

// One per page: the drafts waiting to be written must all be flushed when the page is hidden, and a
// respondent's next keystroke must replace the write a screen left pending, not race it.
const keeper = createDraftKeeper({
  outbox: getOutbox,
  existing: existingOutbox,
  mark: markDraft,
  early: {
    // Checked as any draft read is (outbox/draft.ts): the outbox's chunk, with the schemas, is
    // fetched only where such a draft is kept.
    async read(surveyId) {
      let raw: string | null = null;
      try {
        raw = localStorage.getItem(earlyDraftKey(surveyId));
      } catch {}
      if (raw === null) return undefined;
      // Not readable (damaged, or the chunk not to be had offline): none, and the outbox's draft
      // is still offered.
      try {
        const { decodeDraft } = await import("../../outbox");
        return decodeDraft(JSON.parse(raw));
      } catch {
        return undefined;
      }
    },
    clear(surveyId) {
      try {
        localStorage.removeItem(earlyDraftKey(surveyId));
      } catch {}
    },
  },
});
let flushOnHide = false;

/** The page may be closed at any moment after it is hidden: write what is waiting then. */
function watchPageHide(): void {
  if (flushOnHide || typeof document === "undefined") return;
  flushOnHide = true;
  const flush = () => void keeper.flush();
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
}

/** The half-answered form of this survey on this device, if any (a damaged one reads as none). */
export function loadDraft(surveyId: string): Promise<Draft | undefined> {
  return keeper.load(surveyId);
}

/** Debounced; `immediately` when the respondent moved to another question. */
export function saveDraft(draft: DraftInput, immediately = false): void {
  watchPageHide();
  keeper.save(draft, immediately);
}

export function flushDrafts(): Promise<void> {
  return keeper.flush();
}

/** Deletes the survey's draft: on "start over", and from the kiosk's reset between people. */
export function discardDraft(surveyId: string): Promise<void> {
  return keeper.discard(surveyId);
}

/** Before a submit: no draft write of the survey is left waiting or still on its way to disk. */
export function settleDraft(surveyId: string): Promise<void> {
  return keeper.settle(surveyId);
}
