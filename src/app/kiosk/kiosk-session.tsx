import { useEffect, useState } from "preact/hooks";
import type { SurveyDefinition } from "../../domain/definition";
import { t } from "../../i18n";
import { loadSurvey } from "../collector/surveys";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { discardDraft } from "../device/drafts";
import type { KioskState } from "../device/kiosk";
import { useResource } from "../hooks/use-resource";
import { SurveyForm } from "../respondent/survey-form";
import { navigate } from "../router/history";
import { IdleWarning } from "./idle-warning";
import { KioskThanks } from "./kiosk-thanks";
import { PinDialog } from "./pin-dialog";
import { StaffPanel } from "./staff-panel";
import { KIOSK_TIMING } from "./timing";
import { useIdle } from "./use-idle";

type View = "survey" | "thanks" | "pin" | "staff";

export function KioskSession({ kiosk }: { kiosk: KioskState }) {
  const [def, retry] = useResource(() => loadSurvey(kiosk.surveyId), kiosk.surveyId);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return <KioskLoop kiosk={kiosk} def={def.value} />;
}

/**
 * One respondent after another. A new `round` remounts the form, so the next person starts from an
 * empty survey and nothing of the last one's answers stays in memory. The form also keeps a draft
 * on disk (to survive a reload on a resident's own phone): on a kiosk that draft is deleted before
 * each new round, or the next person would be offered to "continue" someone else's answers.
 */
function KioskLoop({ kiosk, def }: { kiosk: KioskState; def: SurveyDefinition }) {
  const [view, setView] = useState<View>("survey");
  const [round, setRound] = useState<number | undefined>();
  const [answering, setAnswering] = useState(false);
  const [warning, setWarning] = useState(false);

  const fresh = async () => {
    setWarning(false);
    setRound(undefined); // unmount the form first: it must not write again after the discard
    // Never stuck on a slow disk: the next person waits two seconds at most.
    await Promise.race([
      discardDraft(def.id).catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
    setAnswering(false);
    setView("survey");
    setRound((n) => (n ?? 0) + 1);
    window.scrollTo(0, 0);
  };
  // A draft left by a reload or a crash in the middle of someone's survey is not the next person's.
  useEffect(() => void fresh(), [def.id]);

  // Idle in the middle of a survey: warn first. The staff screens just close.
  useIdle(view === "survey" && answering && !warning, KIOSK_TIMING.idleMs, () => setWarning(true));
  useIdle(view === "pin" || view === "staff", KIOSK_TIMING.staffIdleMs, () => void fresh());

  switch (view) {
    case "thanks":
      return <KioskThanks ms={KIOSK_TIMING.thanksMs} onNext={() => void fresh()} />;
    case "pin":
      return <PinDialog onOpen={() => setView("staff")} onCancel={() => void fresh()} />;
    case "staff":
      return (
        <StaffPanel
          kiosk={kiosk}
          def={def}
          onClose={() => void fresh()}
          onEnded={() => navigate("/", { replace: true })}
        />
      );
    case "survey":
      if (round === undefined) return <Loading />;
      return (
        <div class="kiosk" data-round={round}>
          <p class="kiosk__event">{kiosk.eventName}</p>
          {/* Under the idle warning the form is inert: the dialog is the only thing to reach. */}
          <div inert={warning}>
            <SurveyForm
              key={round}
              def={def}
              origin={{ mode: "kiosk", eventId: kiosk.eventId, deviceId: kiosk.deviceId }}
              onSubmitted={() => setView("thanks")}
              onScreen={(kind) => kind !== "intro" && setAnswering(true)}
            />
          </div>
          {!answering && (
            <button
              type="button"
              class="button button--small button--quiet kiosk__staff"
              onClick={() => setView("pin")}
            >
              {t("kiosk.staff")}
            </button>
          )}
          {warning && (
            <IdleWarning
              ms={KIOSK_TIMING.warningMs}
              onContinue={() => setWarning(false)}
              onTimeout={() => void fresh()}
            />
          )}
        </div>
      );
  }
}
