import { useState } from "preact/hooks";
import { t } from "../../../i18n";
import { Field } from "../../components/field";
import { useFocusOnShow } from "../../hooks/use-focus-on-show";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";

export interface EventFields {
  name: string;
  place: string;
  date: string;
}

const EMPTY: EventFields = { name: "", place: "", date: "" };

interface Props {
  /** Set: the form edits that event (its fields to start from, its own ids, Save and Cancel). */
  editing?: { id: string; fields: EventFields; onCancel(): void };
  /** The collector took it: true (a new event's form is emptied). */
  onSubmit(fields: EventFields): Promise<boolean>;
}

/** Name, place and day of a new event, or of one being edited; the collector checks them again. */
export function EventForm({ editing, onSubmit }: Props) {
  const [fields, setFields] = useState<EventFields>(editing?.fields ?? EMPTY);
  const [busy, once] = useOneAtATime();
  // An edit form opens where its Edit button was: its first field takes the focus.
  const first = useFocusOnShow<HTMLInputElement>();
  const complete = fields.name.trim() && fields.place.trim() && /^\d{4}-\d{2}-\d{2}$/.test(fields.date);
  const set = (key: keyof EventFields) => (e: { currentTarget: HTMLInputElement }) =>
    setFields({ ...fields, [key]: e.currentTarget.value });
  const id = editing ? `event-${editing.id}` : "event";
  return (
    <form
      class="events-section__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!complete) return;
        once(async () => {
          const sent = { name: fields.name.trim(), place: fields.place.trim(), date: fields.date };
          if ((await onSubmit(sent)) && !editing) setFields(EMPTY);
        });
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") editing?.onCancel();
      }}
    >
      <h4>{editing ? t("events.editTitle", { name: editing.fields.name }) : t("events.newTitle")}</h4>
      <Field id={`${id}-name`} label={t("events.name")}>
        {(control) => (
          <input
            {...control}
            ref={editing ? first : undefined}
            value={fields.name}
            maxLength={200}
            required
            onInput={set("name")}
          />
        )}
      </Field>
      <Field id={`${id}-place`} label={t("events.place")}>
        {(control) => (
          <input {...control} value={fields.place} maxLength={200} required onInput={set("place")} />
        )}
      </Field>
      <Field id={`${id}-date`} label={t("events.date")}>
        {(control) => <input {...control} type="date" value={fields.date} required onInput={set("date")} />}
      </Field>
      <div class="events-section__buttons">
        <button type="submit" class="button button--primary" disabled={!complete} aria-disabled={busy}>
          {editing ? t("events.save") : t("events.create")}
        </button>
        {editing && (
          <button type="button" class="button button--quiet" onClick={editing.onCancel}>
            {t("events.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
