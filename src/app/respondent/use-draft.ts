import type { RefObject } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { SurveyDefinition } from "../../domain/definition";
import type { Answers } from "../../domain/response";
import { draftMarked, loadDraft, markDraft, saveDraft } from "../device/drafts";
import { whenIdle } from "../device/idle";
import { latest, useResource } from "../hooks/use-resource";
import type { takeFirstScreen } from "./first-screen";
import type { Screen } from "./flow";
import { draftScreenOf, resumeOf } from "./resume";

export type Found = ReturnType<typeof resumeOf>;
/** What reading the draft found: the half-answered form to offer, if any. */
interface Read {
  found: Found;
}
const NOTHING: Read = { found: undefined };

/**
 * Reading the draft opens the outbox and loads its checks (zod): at the first idle moment, so that a
 * slow phone shows the intro, and reacts to Start, first (bench/RESULTS.md, first question). A draft
 * read after the respondent has already started is not offered over their answers.
 */
const readWhenIdle =
  (def: SurveyDefinition, started: RefObject<boolean>) =>
  (signal: AbortSignal): Promise<Read> =>
    new Promise((resolve) => {
      const cancel = whenIdle(
        () =>
          void loadDraft(def.id).then(
            (draft) => {
              if (signal.aborted) return;
              const found = started.current ? undefined : resumeOf(def, draft);
              // The mark, true to the drafts store from now on: for the next visit's first paint,
              // and for drafts written before there was a mark.
              if (!started.current) markDraft(def.id, found !== undefined);
              resolve({ found });
            },
            () => resolve(NOTHING), // no outbox, no draft: the form still works
          ),
        { fallbackMs: 0 },
      );
      signal.addEventListener("abort", cancel);
    });

/**
 * The intro's Continue / Start over. Until the draft is read, the intro offers them as the HTML drew
 * it, or as this device's mark says (drafts.ts): drawn with Start and turned to Continue a moment
 * later, the intro changed the button under a respondent's thumb (issue 26). Once read, the draft
 * decides; where the mark outlived its draft (a crash between the two), Start takes the place of
 * Continue and Start over, which both led to the first question too.
 */
export function useDraftOffer(
  def: SurveyDefinition,
  handed: ReturnType<typeof takeFirstScreen>,
  started: RefObject<boolean>,
  resume: (found: Found) => void,
  /** A preview: no draft is read or offered (the device's own draft is not the preview's). */
  preview = false,
) {
  const [expecting] = useState(() =>
    preview ? false : handed ? handed.draft && handed.screen.kind === "intro" : draftMarked(def.id),
  );
  // A new definition (the whole file after a language switch) reads again; the last read stays meanwhile.
  const [draft] = useResource(preview ? async () => NOTHING : readWhenIdle(def, started), def, {
    keep: true,
  });
  // Taken up or set aside: offered no more.
  const [done, setDone] = useState(false);
  const read = done ? NOTHING : latest(draft);
  // Continue pressed before the draft was read (on the HTML's intro, or here): done once it is, never
  // a Start. A Start over pressed after it on the HTML's intro is the later word.
  const [continuing, setContinuing] = useState(handed?.continued === true && handed.screen.kind === "intro");
  const drop = () => {
    setContinuing(false);
    setDone(true);
  };
  const take = (found: Found) => {
    drop();
    resume(found);
  };
  // A Continue that waited for the read. Nothing to continue after all: the form starts, which is
  // all it could do, and nothing is lost.
  useEffect(() => {
    if (continuing && read) take(read.found);
  }, [continuing, read]);
  return {
    /** Whether the intro offers Continue / Start over. */
    offer: read ? read.found !== undefined : Boolean(expecting),
    continuing,
    onContinue: () => (read ? take(read.found) : setContinuing(true)),
    drop,
  };
}

/**
 * Every change of answer or question is kept (debounced), so a reload resumes right here. A layout
 * effect, not an effect: that one waits for a paint, and a reload right after a tap comes first.
 */
export function useDraftSaving(
  def: SurveyDefinition,
  answers: Answers,
  screen: Screen,
  preview = false,
): void {
  const savedScreen = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (preview) return;
    const at = draftScreenOf(screen);
    if (!at) return;
    // Nothing answered and nothing written yet: such a draft would resume nothing (resumeOf), and
    // writing it would open the outbox in the middle of rendering the first question.
    if (savedScreen.current === undefined && Object.keys(answers).length === 0) return;
    const where = JSON.stringify(at);
    saveDraft(
      { surveyId: def.id, surveyVersion: def.version, answers, screen: at },
      where !== savedScreen.current,
    );
    savedScreen.current = where;
  }, [def, answers, screen, preview]);
}
