import { useEffect, useState } from "preact/hooks";
import type { Answer, AnswerError, Answers, SurveyDefinition } from "../../survey";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { answering } from "../services/answering";
import { submitResponse } from "../services/submit-response";
import { loadSurvey } from "../services/surveys";
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
} from "./flow";
import { IntroScreen } from "./intro-screen";
import { QuestionScreen } from "./question-screen";
import { ReviewScreen, type SubmitState } from "./review-screen";
import { ThankYouScreen } from "./thank-you-screen";

/** "/s/:surveyId": loads the definition, then runs the form. */
export function RespondentPage({ surveyId }: { surveyId: string }) {
  const [def, retry] = useResource(() => loadSurvey(surveyId), surveyId);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return <SurveyForm def={def.value} />;
}

function SurveyForm({ def }: { def: SurveyDefinition }) {
  const { locale } = useLocale();
  const [answers, setAnswers] = useState<Answers>({});
  const [screen, setScreen] = useState<Screen>({ kind: "intro" });
  const [error, setError] = useState<AnswerError | undefined>();
  const [submitState, setSubmitState] = useState<SubmitState>("idle");

  // Between "start" and "thank you" a reload would lose the answers: the update prompt waits.
  const inProgress =
    screen.kind === "question" ||
    screen.kind === "review" ||
    (screen.kind === "intro" && Object.keys(answers).length > 0);
  useEffect(() => answering.set(inProgress), [inProgress]);
  useEffect(() => () => answering.set(false), []);

  const go = (next: Screen) => {
    setError(undefined);
    setScreen(next);
    window.scrollTo(0, 0);
  };

  const submit = async () => {
    setSubmitState("saving");
    try {
      const result = await submitResponse(def, answers, locale);
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
      go({ kind: "thanks", responseId: result.id });
    } catch (e) {
      // Not on disk: the answers stay on screen and the respondent is told plainly.
      console.error("enqueue failed", e);
      setSubmitState("not_saved");
    }
  };

  switch (screen.kind) {
    case "intro":
      return <IntroScreen def={def} locale={locale} onStart={() => go(firstScreen(def, answers))} />;
    case "question": {
      const question = questionById(def, screen.questionId);
      if (!question) return null;
      const next = () => {
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
          onSubmit={() => void submit()}
        />
      );
    case "thanks":
      return (
        <ThankYouScreen
          responseId={screen.responseId}
          onAgain={() => {
            setAnswers({});
            go({ kind: "intro" });
          }}
        />
      );
  }
}
