import { useState } from "preact/hooks";
import { t } from "../../../i18n";
import { Field } from "../../components/field";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";

export interface EventFields {
  name: string;
  place: string;
  date: string;
}

/** Name, place and day of a new event; the collector checks them again. */
export function EventForm({ onCreate }: { onCreate(fields: EventFields): Promise<boolean> }) {
  const [fields, setFields] = useState<EventFields>({ name: "", place: "", date: "" });
  const [busy, once] = useOneAtATime();
  const complete = fields.name.trim() && fields.place.trim() && /^\d{4}-\d{2}-\d{2}$/.test(fields.date);
  const set = (key: keyof EventFields) => (e: { currentTarget: HTMLInputElement }) =>
    setFields({ ...fields, [key]: e.currentTarget.value });
  return (
    <form
      class="events-section__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!complete) return;
        once(async () => {
          if (await onCreate({ name: fields.name.trim(), place: fields.place.trim(), date: fields.date }))
            setFields({ name: "", place: "", date: "" });
        });
      }}
    >
      <h4>{t("events.newTitle")}</h4>
      <Field id="event-name" label={t("events.name")}>
        {(control) => (
          <input {...control} value={fields.name} maxLength={200} required onInput={set("name")} />
        )}
      </Field>
      <Field id="event-place" label={t("events.place")}>
        {(control) => (
          <input {...control} value={fields.place} maxLength={200} required onInput={set("place")} />
        )}
      </Field>
      <Field id="event-date" label={t("events.date")}>
        {(control) => <input {...control} type="date" value={fields.date} required onInput={set("date")} />}
      </Field>
      <button type="submit" class="button button--primary" disabled={!complete} aria-disabled={busy}>
        {t("events.create")}
      </button>
    </form>
  );
}
