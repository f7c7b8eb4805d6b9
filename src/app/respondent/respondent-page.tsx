import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { SurveyDefinition } from "../../domain/definition";
import { hasTextsIn } from "../../domain/definition-in";
import type { Answer, Answers } from "../../domain/response";
import type { AnswerError } from "../../domain/validate";
import { arrivedSurvey, loadSurvey } from "../collector/surveys";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { answering } from "../device/answering";
import { discardDraft, draftMarked, loadDraft, markDraft, saveDraft } from "../device/drafts";
import { whenIdle } from "../device/idle";
import { type ResponseOrigin, SELF, submitResponse } from "../device/submit-response";
import { useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { takeFirstScreen } from "./first-screen";
import {
  errorsOf,
  firstScreen,
  lastScreen,
  nextScreen,
  previousScreen,
  progressOf,
  questionById,
  questionScreen,
  type Screen,
  unreadableError,
} from "./flow";
import { IntroScreen } from "./intro-screen";
import { QuestionScreen } from "./question-screen";
import { draftScreenOf, resumeOf } from "./resume";
import { ReviewScreen, type SubmitState } from "./review-screen";
import { ThankYouScreen } from "./thank-you-screen";

/**
 * "/s/:surveyId": loads the definition in the respondent's language (a sixth of the whole file, on
 * the first load), then runs the form. A switch to another language mid-form brings the whole
 * definition in under the same form, so no answer is lost; until it is there, texts show in
 * Japanese, the fallback every file carries.
 */
export function RespondentPage({ surveyId }: { surveyId: string }) {
  const { locale } = useLocale();
  const [firstLocale] = useState(locale);
  const [def, retry] = useResource(
    () => loadSurvey(surveyId, firstLocale),
    surveyId,
    () => arrivedSurvey(surveyId, firstLocale),
  );
  const [whole, setWhole] = useState<SurveyDefinition>();
  const needsWhole = def.status === "ready" && !hasTextsIn(def.value, locale);
  useEffect(() => {
    if (!needsWhole) return;
    let current = true;
    loadSurvey(surveyId).then(
      (value) => current && setWhole(value),
      () => {}, // offline and not cached: the Japanese fallback stays
    );
    return () => {
      current = false;
    };
  }, [needsWhole, surveyId]);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return <SurveyForm def={whole ?? def.value} />;
}

export interface SurveyFormProps {
  def: SurveyDefinition;
  /** A kiosk's responses name its event and device; by default the respondent's own. */
  origin?: ResponseOrigin;
  /** Replaces the thank-you screen (a kiosk shows its own and starts afresh). */
  onSubmitted?(responseId: string): void;
  /** Told of every move, so a kiosk knows whether someone is in the middle of answering. */
  onScreen?(kind: Screen["kind"]): void;
}

export function SurveyForm({ def, origin = SELF, onSubmitted, onScreen }: SurveyFormProps) {
  const { locale } = useLocale();
  // Where the HTML's own first screen left off, if the app is taking over from it (first-screen.ts).
  const [handed] = useState(() => {
    const taken = takeFirstScreen(def);
    // The HTML's intro offered the draft, and the first question was reached through Start over:
    // what that press said is done now, before the new form writes a draft of its own (one chain of
    // writes: drafts.ts, so the delete lands first).
    if (taken?.draft && taken.screen.kind !== "intro") void discardDraft(def.id).catch(() => {});
    return taken;
  });
  const [answers, setAnswers] = useState<Answers>(handed?.answers ?? {});
  const [screen, setScreen] = useState<Screen>(handed?.screen ?? { kind: "intro" });
  const [error, setError] = useState<AnswerError | undefined>(handed?.error);
  const [submitState, setSubmitState] = useState<SubmitState>("idle");
  // The draft as read at the first idle moment (undefined until then): the half-answered form the
  // intro offers to continue, if any.
  const [read, setRead] = useState<{ found: ReturnType<typeof resumeOf> }>();
  // Until it is read, the intro offers Continue / Start over as the HTML drew it, or as this device's
  // mark says (drafts.ts): drawn with Start and turned to Continue a moment later, the intro changed
  // the button under a respondent's thumb (issue 26). Once read, the draft decides; where the mark
  // outlived its draft (a crash between the two), Start takes the place of Continue and Start over,
  // which both led to the first question too.
  const [expecting] = useState(() =>
    handed ? handed.draft && handed.screen.kind === "intro" : draftMarked(def.id),
  );
  const offer = read ? read.found : expecting;
  // Continue pressed before the draft was read (on the HTML's intro, or here): done once it is, never
  // a Start. A Start over pressed after it on the HTML's intro is the later word.
  const [continuing, setContinuing] = useState(handed?.continued === true && handed.screen.kind === "intro");
  // A draft read after the respondent has already started must not be offered over their answers.
  const started = useRef((handed?.screen.kind ?? "intro") !== "intro");

  // Reading the draft opens the outbox and loads its checks (zod): at the first idle moment, so that
  // a slow phone shows the intro, and reacts to Start, first (bench/RESULTS.md, first question).
  useEffect(() => {
    let current = true;
    const cancel = whenIdle(
      () =>
        void loadDraft(def.id).then(
          (draft) => {
            if (!current) return;
            const found = started.current ? undefined : resumeOf(def, draft);
            // The mark, true to the drafts store from now on: for the next visit's first paint, and
            // for drafts written before there was a mark.
            if (!started.current) markDraft(def.id, found !== undefined);
            setRead({ found });
          },
          () => current && setRead({ found: undefined }), // no outbox, no draft: the form still works
        ),
      { fallbackMs: 0 },
    );
    return () => {
      current = false;
      cancel();
    };
  }, [def]);

  const resume = (found: ReturnType<typeof resumeOf>) => {
    setContinuing(false);
    setRead({ found: undefined });
    if (found) setAnswers(found.answers);
    go(found?.screen ?? firstScreen(def, {}));
  };
  // A Continue that waited for the read. Nothing to continue after all: the form starts, which is
  // all it could do, and nothing is lost.
  useEffect(() => {
    if (continuing && read) resume(read.found);
  }, [continuing, read]);

  // Every change of answer or question is kept (debounced), so a reload resumes right here. A layout
  // effect, not an effect: that one waits for a paint, and a reload right after a tap comes first.
  const savedScreen = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
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
  }, [def, answers, screen]);
  // The current field holds text that is no answer (letters in a number field).
  const [unreadable, setUnreadable] = useState(false);

  // Between "start" and "thank you" a reload would lose the answers: the update prompt waits.
  const inProgress =
    screen.kind === "question" ||
    screen.kind === "review" ||
    (screen.kind === "intro" && Object.keys(answers).length > 0);
  useEffect(() => answering.set(inProgress), [inProgress]);
  useEffect(() => () => answering.set(false), []);

  const go = (next: Screen) => {
    if (next.kind !== "intro") started.current = true;
    setError(undefined);
    setUnreadable(false);
    setScreen(next);
    onScreen?.(next.kind);
    window.scrollTo(0, 0);
  };

  const submit = async () => {
    setSubmitState("saving");
    try {
      const result = await submitResponse(def, answers, locale, origin);
      if (result.kind === "invalid") {
        // Should not happen after per-question checks; if it does, take them to the first problem.
        setSubmitState("idle");
        const first = result.errors[0];
        if (first) {
          setScreen(questionScreen(first.questionId, true));
          setError(first);
        }
        return;
      }
      setSubmitState("idle");
      if (onSubmitted) onSubmitted(result.id);
      else go({ kind: "thanks", responseId: result.id });
    } catch (e) {
      // Not on disk: the answers stay on screen and the respondent is told plainly.
      console.error("enqueue failed", e);
      setSubmitState("not_saved");
    }
  };

  switch (screen.kind) {
    case "intro":
      return (
        <IntroScreen
          def={def}
          locale={locale}
          onStart={() => go(firstScreen(def, answers))}
          {...(offer && {
            resume: {
              busy: continuing,
              onContinue: () => (read ? resume(read.found) : setContinuing(true)),
              onStartOver() {
                setContinuing(false);
                setRead({ found: undefined });
                setAnswers({});
                void discardDraft(def.id).catch(() => {});
                go(firstScreen(def, {}));
              },
            },
          })}
        />
      );
    case "question": {
      const question = questionById(def, screen.questionId);
      if (!question) return null;
      const next = () => {
        if (unreadable) return setError(unreadableError(question.id));
        const problem = errorsOf(def, answers, question.id)[0];
        if (problem) return setError(problem);
        go(screen.fromReview ? { kind: "review" } : nextScreen(def, answers, question.id));
      };
      return (
        <QuestionScreen
          question={question}
          answer={answers[question.id]}
          error={error?.questionId === question.id ? error : undefined}
          locale={locale}
          progress={progressOf(def, answers, question.id)}
          fromReview={Boolean(screen.fromReview)}
          onAnswer={(answer: Answer | undefined) => {
            setError(undefined);
            setAnswers((current) => {
              const { [question.id]: _, ...rest } = current;
              return answer === undefined ? rest : { ...rest, [question.id]: answer };
            });
          }}
          onUnreadable={setUnreadable}
          onBack={() =>
            go(screen.fromReview ? { kind: "review" } : previousScreen(def, answers, question.id))
          }
          onNext={next}
        />
      );
    }
    case "review":
      return (
        <ReviewScreen
          def={def}
          answers={answers}
          locale={locale}
          submitState={submitState}
          onEdit={(id) => go(questionScreen(id, true))}
          onBack={() => go(lastScreen(def, answers))}
          onSubmit={submit}
        />
      );
    case "thanks":
      return (
        <ThankYouScreen
          responseId={screen.responseId}
          onAgain={() => {
            setAnswers({});
            setRead({ found: undefined });
            go({ kind: "intro" });
          }}
        />
      );
  }
}
