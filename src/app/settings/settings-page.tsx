import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import { LazyPage } from "../components/lazy-page";
import { defaultEndpoint, readEndpoint, saveEndpoint } from "../device/settings";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useLocale } from "../locale-context";
import { Link } from "../router/link";

type Feedback = "none" | "saved" | "invalid" | "insecure" | "failed";

// Staff's view of the device's data: its own chunk, so a respondent's first load does not carry it.
const loadDeviceData = () => import("./device-data").then((m) => m.DeviceData);

/** "/settings": where this device sends its responses (staff may point a tablet at another collector). */
export function SettingsPage() {
  useLocale();
  const [endpoint, setEndpoint] = useState("");
  const [feedback, setFeedback] = useState<Feedback>("none");
  const headingRef = useFocusOnShow<HTMLHeadingElement>();
  useEffect(() => {
    readEndpoint().then(setEndpoint, () => setEndpoint(defaultEndpoint()));
  }, []);

  const save = async (url: string) => {
    try {
      const outcome = await saveEndpoint(url);
      setFeedback(outcome);
      if (outcome === "saved") setEndpoint(await readEndpoint());
    } catch {
      setFeedback("failed");
    }
  };

  return (
    <div class="page settings">
      <h1 ref={headingRef} tabIndex={-1}>
        {t("settings.title")}
      </h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(endpoint);
        }}
      >
        <label for="endpoint" class="field-label">
          {t("settings.endpointLabel")}
        </label>
        <p id="endpoint-help" class="hint">
          {t("settings.endpointHelp")}
        </p>
        <input
          id="endpoint"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          value={endpoint}
          aria-describedby="endpoint-help endpoint-feedback"
          aria-invalid={feedback === "invalid" || feedback === "insecure" || undefined}
          onInput={(event) => {
            setEndpoint(event.currentTarget.value);
            setFeedback("none");
          }}
        />
        <p
          id="endpoint-feedback"
          class={feedback === "saved" ? "hint is-success" : "field-error"}
          role="status"
        >
          {feedback === "saved" && t("settings.saved")}
          {feedback === "invalid" && t("settings.invalid")}
          {feedback === "insecure" && t("settings.insecure")}
          {feedback === "failed" && t("settings.failed")}
        </p>
        <div class="nav-buttons">
          <button type="button" class="button button--secondary" onClick={() => void save(defaultEndpoint())}>
            {t("settings.useDefault")}
          </button>
          <button type="submit" class="button button--primary">
            {t("settings.save")}
          </button>
        </div>
      </form>
      <LazyPage load={loadDeviceData} name="device-data" />
      <p>
        <Link href="/" class="tap-link">
          {t("common.home")}
        </Link>
      </p>
    </div>
  );
}
