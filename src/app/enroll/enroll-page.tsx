import { useState } from "preact/hooks";
import { type EnrollmentParse, parseEnrollmentFragment } from "../../contract/enrollment";
import { t } from "../../i18n";
import { enrollDevice } from "../device/kiosk";
import { hashPin, isValidPin } from "../device/pin";
import { useLocale } from "../locale-context";
import { navigate } from "../router/history";
import "../kiosk/kiosk.css";
import { Field } from "../components/field";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useOneAtATime } from "../hooks/use-one-at-a-time";

/** Read once, then the fragment is wiped from the address bar and history: the token must not linger. */
function takeFragment(): EnrollmentParse {
  const parsed = parseEnrollmentFragment(window.location.hash);
  if (window.location.hash) history.replaceState(null, "", window.location.pathname);
  return parsed;
}

type Problem = "none" | "pinFormat" | "pinMismatch" | "failed";

/** "/enroll#…": makes this tablet an event's kiosk, after staff choose the PIN of its staff panel. */
export function EnrollPage() {
  useLocale();
  const [link] = useState(takeFragment);
  const [pin, setPin] = useState("");
  const [again, setAgain] = useState("");
  const [problem, setProblem] = useState<Problem>("none");
  const [busy, once] = useOneAtATime();
  const headingRef = useFocusOnShow<HTMLHeadingElement>();

  if (!link.ok)
    return (
      <div class="page enroll">
        <h1 ref={headingRef} tabIndex={-1}>
          {t("enroll.title")}
        </h1>
        <div class="notice notice--error" role="alert">
          <p>{t("enroll.badLink")}</p>
          <p>
            <code>{link.error}</code>
          </p>
        </div>
      </div>
    );
  const { enrollment } = link;

  const submit = async () => {
    if (!isValidPin(pin)) return setProblem("pinFormat");
    if (pin !== again) return setProblem("pinMismatch");
    try {
      await enrollDevice(enrollment, await hashPin(pin));
      navigate("/kiosk", { replace: true });
    } catch (error) {
      console.error("enrollment failed", error);
      setProblem("failed");
    }
  };
  const message = {
    none: "",
    pinFormat: t("enroll.pinFormat"),
    pinMismatch: t("enroll.pinMismatch"),
    failed: t("enroll.failed"),
  }[problem];

  return (
    <div class="page enroll">
      <h1 ref={headingRef} tabIndex={-1}>
        {t("enroll.title")}
      </h1>
      <dl class="enroll__facts">
        <dt>{t("enroll.event")}</dt>
        <dd>{enrollment.eventName}</dd>
        <dt>{t("enroll.survey")}</dt>
        <dd>{enrollment.surveyId}</dd>
        <dt>{t("enroll.endpoint")}</dt>
        <dd>{enrollment.endpoint}</dd>
      </dl>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          once(submit);
        }}
      >
        <p id="pin-help" class="hint">
          {t("enroll.pinHelp")}
        </p>
        {/* One hint (for the first) and one error line for both PINs: texts outside the two fields. */}
        <PinField
          id="new-pin"
          label={t("enroll.pin")}
          describedBy="pin-help enroll-problem"
          invalid={problem === "pinFormat"}
          value={pin}
          onInput={(value) => {
            setPin(value);
            setProblem("none");
          }}
        />
        <PinField
          id="new-pin-again"
          label={t("enroll.pinAgain")}
          describedBy="enroll-problem"
          invalid={problem === "pinMismatch"}
          value={again}
          onInput={(value) => {
            setAgain(value);
            setProblem("none");
          }}
        />
        <p id="enroll-problem" class="field-error" role="alert">
          {message}
        </p>
        <p class="hint">{t("enroll.storageNote")}</p>
        <button type="submit" class="button button--primary button--wide" aria-disabled={busy}>
          {t("enroll.start")}
        </button>
      </form>
    </div>
  );
}

function PinField(props: {
  id: string;
  label: string;
  describedBy: string;
  invalid: boolean;
  value: string;
  onInput(value: string): void;
}) {
  return (
    <Field id={props.id} label={props.label} describedBy={props.describedBy} invalid={props.invalid}>
      {(control) => (
        <input
          {...control}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
