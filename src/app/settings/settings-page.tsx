import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import { Field } from "../components/field";
import { HomeLink } from "../components/home-link";
import { LazyPage } from "../components/lazy-page";
import { defaultEndpoint, readEndpoint, saveEndpoint } from "../device/settings";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useLocale } from "../locale-context";

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
        <Field
          id="endpoint"
          label={t("settings.endpointLabel")}
          hint={t("settings.endpointHelp")}
          invalid={feedback === "invalid" || feedback === "insecure"}
          message={{
            id: "endpoint-feedback",
            role: "status",
            class: feedback === "saved" ? "hint is-success" : "field-error",
            text: feedback === "none" ? null : t(`settings.${feedback}`),
          }}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              value={endpoint}
              onInput={(event) => {
                setEndpoint(event.currentTarget.value);
                setFeedback("none");
              }}
            />
          )}
        </Field>
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
      <HomeLink />
    </div>
  );
}
