import { useState } from "preact/hooks";
import { t } from "../../i18n";
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
        <label for="staff-pin" class="field-label">
          {t("staff.pinLabel")}
        </label>
        <input
          ref={inputRef}
          id="staff-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          aria-invalid={wrong !== "" || undefined}
          aria-describedby="staff-pin-error"
          onInput={(event) => {
            setPin(event.currentTarget.value);
            setWrong("");
          }}
        />
        <p id="staff-pin-error" class="field-error" role="alert">
          {wrong === "wrong" && t("staff.pinWrong")}
          {wrong === "locked" && t("staff.pinLocked")}
        </p>
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
