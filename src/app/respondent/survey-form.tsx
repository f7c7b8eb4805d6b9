import { useState } from "preact/hooks";
import { answerPeriodOn } from "../../domain/answer-period";
import type { SurveyDefinition } from "../../domain/definition";
import { discardDraft } from "../device/drafts";
import { type ResponseOrigin, SELF } from "../device/submit-response";
import { useTokyoDay } from "../hooks/use-tokyo-day";
import { useLocale } from "../locale-context";
import { firstScreen, lastScreen, progressOf, questionById, questionScreen, type Screen } from "./flow";
import { IntroScreen } from "./intro-screen";
import type { AcceptedCode } from "./invitation-entry";
import { InvitationPart } from "./invitation-part";
import { QuestionScreen } from "./question-screen";
import { ReviewScreen } from "./review-screen";
import { ThankYouScreen } from "./thank-you-screen";
import { type Found, useDraftOffer, useDraftSaving } from "./use-draft";
import { useSubmit } from "./use-submit";
import { useSurveyFlow } from "./use-survey-flow";

export interface SurveyFormProps {
  def: SurveyDefinition;
  /** A kiosk's responses name its event and device; by default the respondent's own. */
  origin?: ResponseOrigin;
  /** Replaces the thank-you screen (a kiosk shows its own and starts afresh). */
  onSubmitted?(responseId: string): void;
  /** Told of every move, so a kiosk knows whether someone is in the middle of answering. */
  onScreen?(kind: Screen["kind"]): void;
  /**
   * The dashboard's preview of a definition not yet published: the same screens, but nothing is
   * kept. No draft is read, offered or written, and Submit puts nothing in the outbox: it goes
   * straight to `onSubmitted` (or the thank-you screen) with the id "preview".
   */
  preview?: boolean;
}

/** A survey's form, from the intro to the thank-you, for a respondent's phone and for a kiosk. */
export function SurveyForm({ def, origin = SELF, onSubmitted, onScreen, preview = false }: SurveyFormProps) {
  const { locale } = useLocale();
  const flow = useSurveyFlow(def, onScreen, preview);
  const { answers, screen, go } = flow;
  const draft = useDraftOffer(
    def,
    flow.handed,
    flow.started,
    (found: Found) => {
      if (found) flow.setAnswers(found.answers);
      go(found?.screen ?? firstScreen(def, {}));
    },
    preview,
  );
  useDraftSaving(def, answers, screen, preview);
  // The mailed letter's code, on a resident's own phone only: sent with this answer, then forgotten.
  const [invitation, setInvitation] = useState<AcceptedCode | undefined>();
  // Only a resident's own phone is offered the entry (below): a code makes the origin theirs.
  const invited: ResponseOrigin = invitation ? { mode: "self", invitation: invitation.code } : origin;
  const [submitState, submit] = useSubmit(def, answers, locale, invited, preview, {
    onInvalid: flow.showProblem,
    onSaved: (id) => (onSubmitted ? onSubmitted(id) : go({ kind: "thanks", responseId: id })),
  });

  // Outside the answer period the intro offers neither Start nor the draft. A form already past
  // the intro is never cut short: a resident who started before the close expects to finish what
  // they began, and an answer submitted on the close day (Tokyo) is accepted however late it is
  // sent. The collector, not this device, has the last word: it judges submittedAt, so a form
  // finished after midnight past the close is refused (survey_closed) and kept on this device with
  // that reason, never lost silently. A preview is the organizer's look before or after the period.
  const today = useTokyoDay();
  const period = preview ? "open" : answerPeriodOn(def, today);

  switch (screen.kind) {
    case "intro":
      return (
        <IntroScreen
          def={def}
          locale={locale}
          period={period}
          {...(origin.mode === "self" &&
            !preview && { invitation: <InvitationPart accepted={invitation} onAccept={setInvitation} /> })}
          onStart={() => go(firstScreen(def, answers))}
          {...(draft.offer && {
            resume: {
              busy: draft.continuing,
              onContinue: draft.onContinue,
              onStartOver() {
                draft.drop();
                flow.setAnswers({});
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
      const fromReview = Boolean(screen.fromReview);
      return (
        <QuestionScreen
          question={question}
          answer={answers[question.id]}
          error={flow.error?.questionId === question.id ? flow.error : undefined}
          locale={locale}
          progress={progressOf(def, answers, question.id)}
          fromReview={fromReview}
          onAnswer={(answer) => flow.answer(question.id, answer)}
          onUnreadable={flow.setUnreadable}
          onBack={() => flow.back(question, fromReview)}
          onNext={() => flow.next(question, fromReview)}
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
          surveyId={def.id}
          onAgain={() => {
            flow.setAnswers({});
            draft.drop();
            // One answer per letter: the next person on this phone starts without its code.
            setInvitation(undefined);
            if (location.search) history.replaceState(history.state, "", location.pathname);
            go({ kind: "intro" });
          }}
        />
      );
  }
}
