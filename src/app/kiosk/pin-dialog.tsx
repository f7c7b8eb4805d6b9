import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { Field } from "../components/field";
import { checkStaffPin } from "../device/kiosk";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useOneAtATime } from "../hooks/use-one-at-a-time";

/** The staff PIN: the only way from the kiosk to its counters and settings. */
export function PinDialog({ onOpen, onCancel }: { onOpen(): void; onCancel(): void }) {
  const [pin, setPin] = useState("");
  const [wrong, setWrong] = useState<"" | "wrong" | "locked">("");
  const [checking, once] = useOneAtATime();
  const inputRef = useFocusOnShow<HTMLInputElement>();
  const submit = async () => {
    const check = await checkStaffPin(pin).catch(() => ({ kind: "wrong" }) as const);
    if (check.kind === "ok") return onOpen();
    setWrong(check.kind);
    setPin("");
    inputRef.current?.focus();
  };
  return (
    <div class="page kiosk-pin">
      <h1>{t("staff.pinTitle")}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (pin) once(submit);
        }}
      >
        <Field
          id="staff-pin"
          label={t("staff.pinLabel")}
          invalid={wrong !== ""}
          message={{
            id: "staff-pin-error",
            role: "alert",
            text: wrong === "wrong" ? t("staff.pinWrong") : wrong === "locked" ? t("staff.pinLocked") : null,
          }}
        >
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onInput={(event) => {
                setPin(event.currentTarget.value);
                setWrong("");
              }}
            />
          )}
        </Field>
        <div class="nav-buttons">
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {t("staff.cancel")}
          </button>
          <button type="submit" class="button button--primary" disabled={!pin} aria-disabled={checking}>
            {t("staff.open")}
          </button>
        </div>
      </form>
    </div>
  );
}
