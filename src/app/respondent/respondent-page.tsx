import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Answer, AnswerError, Answers, SurveyDefinition } from "../../survey";
import { hasTextsIn } from "../../survey/definition-in";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { answering } from "../services/answering";
import { discardDraft, loadDraft, saveDraft } from "../services/drafts";
import { whenIdle } from "../services/idle";
import { type ResponseOrigin, SELF, submitResponse } from "../services/submit-response";
import { arrivedSurvey, loadSurvey } from "../services/surveys";
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
  const [handed] = useState(() => takeFirstScreen(def));
  const [answers, setAnswers] = useState<Answers>(handed?.answers ?? {});
  const [screen, setScreen] = useState<Screen>(handed?.screen ?? { kind: "intro" });
  const [error, setError] = useState<AnswerError | undefined>(handed?.error);
  const [submitState, setSubmitState] = useState<SubmitState>("idle");
  // A half-answered form of this survey found on the device: the intro offers to continue it.
  const [resumable, setResumable] = useState<ReturnType<typeof resumeOf>>();
  // A draft read after the respondent has already started must not be offered over their answers.
  const started = useRef((handed?.screen.kind ?? "intro") !== "intro");

  // Reading the draft opens the outbox and loads its checks (zod): at the first idle moment, so that
  // a slow phone shows the intro, and reacts to Start, first (bench/RESULTS.md, first question).
  useEffect(() => {
    let current = true;
    const cancel = whenIdle(
      () =>
        void loadDraft(def.id).then(
          (draft) => current && !started.current && setResumable(resumeOf(def, draft)),
          () => {}, // no outbox, no draft: the form still works
        ),
      { fallbackMs: 0 },
    );
    return () => {
      current = false;
      cancel();
    };
  }, [def]);

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
          {...(resumable && {
            resume: {
              onContinue() {
                setAnswers(resumable.answers);
                setResumable(undefined);
                go(resumable.screen);
              },
              onStartOver() {
                setResumable(undefined);
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
            setResumable(undefined);
            go({ kind: "intro" });
          }}
        />
      );
  }
}
