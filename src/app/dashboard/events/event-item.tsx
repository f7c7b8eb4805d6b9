import { useRef, useState } from "preact/hooks";
import type { EventSummary } from "../../../contract/events";
import { t } from "../../../i18n";
import { changeEvent, createEnrollmentLink, deleteEvent, listDevices } from "../../collector/events-api";
import { BusyButton } from "../../components/busy-button";
import { Field } from "../../components/field";
import { QrCode } from "../../components/qr-code";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";
import { latest } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { formatCount } from "../format";
import { useOrganizerResource } from "../use-organizer-resource";
import { ConfirmPrompt } from "./confirm-prompt";
import { DeviceTable } from "./device-table";
import { EventForm } from "./event-form";

interface Props {
  event: EventSummary;
  /** The event changed on the collector: read the list again. */
  onChanged(): void;
  /** The event is gone: the section says so and takes the focus. */
  onDeleted(name: string): void;
  onError(error: unknown): void;
  onUnauthorized(): void;
}

type Panel = "none" | "edit" | "delete";

/** One event: what it is, its tablets, and what staff do to it (edit, close, delete, add a tablet). */
export function EventItem({ event, onChanged, onDeleted, onError, onUnauthorized }: Props) {
  const { locale } = useLocale();
  const [devices, reloadDevices] = useOrganizerResource(
    () => listDevices(event.id),
    event.id,
    onUnauthorized,
    { keep: true },
  );
  const [panel, setPanel] = useState<Panel>("none");
  // What the last action did, said in the event's live region.
  const [said, setSaid] = useState("");
  const [busy, once] = useOneAtATime();
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const closed = event.closedAt !== null;
  // The list's count, or the tablets' if they were read since and say more.
  const listed = latest(devices);
  const responses = Math.max(event.responses, listed?.reduce((n, d) => n + d.responses, 0) ?? 0);
  const blockedId = `event-delete-blocked-${event.id}`;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${event.date}T00:00:00Z`),
  );
  const closePanel = (focus: { current: HTMLButtonElement | null }) => {
    setPanel("none");
    requestAnimationFrame(() => focus.current?.focus());
  };
  const act = (action: () => Promise<string>) =>
    once(async () => {
      try {
        setSaid(await action());
        onChanged();
      } catch (error) {
        onError(error);
      }
    });

  return (
    <li class="events-section__event" data-event={event.id}>
      <p class="events-section__event-name">
        {event.name}
        {closed && <span class="events-section__badge">{t("events.closedBadge")}</span>}
      </p>
      <p>
        {event.place} · {day}
      </p>
      <p>{t("events.responsesStored", { n: formatCount(responses, locale) })}</p>
      <p class="events-section__said" role="status">
        {said}
      </p>

      {panel === "edit" ? (
        <EventForm
          editing={{
            id: event.id,
            fields: { name: event.name, place: event.place, date: event.date },
            onCancel: () => closePanel(editButton),
          }}
          onSubmit={async (fields) => {
            try {
              await changeEvent(event.id, fields);
              setSaid(t("events.saved", { name: fields.name }));
              onChanged();
              closePanel(editButton);
              return true;
            } catch (error) {
              onError(error);
              return false;
            }
          }}
        />
      ) : panel === "delete" ? (
        <ConfirmPrompt
          class="events-section__confirm"
          question={t("events.deleteConfirm", { name: event.name })}
          yes={t("events.deleteYes")}
          buttons="events-section__buttons"
          busy={busy}
          onCancel={() => closePanel(deleteButton)}
          onConfirm={() =>
            once(async () => {
              try {
                await deleteEvent(event.id);
                onDeleted(event.name);
              } catch (error) {
                onError(error);
              }
            })
          }
        />
      ) : (
        <div class="events-section__buttons">
          <button
            type="button"
            class="button button--secondary"
            ref={editButton}
            onClick={() => setPanel("edit")}
          >
            {t("events.edit")}
          </button>
          <BusyButton
            busy={busy}
            class="button button--secondary"
            onClick={() =>
              act(async () => {
                await changeEvent(event.id, { closed: !closed });
                return t(closed ? "events.reopenedDone" : "events.closedDone", { name: event.name });
              })
            }
          >
            {closed ? t("events.reopen") : t("events.close")}
          </BusyButton>
          <button
            type="button"
            class="button button--quiet"
            ref={deleteButton}
            // Disabled in words, not by `disabled`: a disabled button is skipped by Tab, and so is why.
            aria-disabled={responses > 0}
            {...(responses > 0 && { "aria-describedby": blockedId })}
            onClick={() => {
              if (responses === 0) setPanel("delete");
            }}
          >
            {t("events.delete")}
          </button>
        </div>
      )}
      {responses > 0 && panel !== "delete" && (
        <p id={blockedId} class="hint">
          {t("events.deleteBlocked", { n: formatCount(responses, locale) })}
        </p>
      )}

      <DeviceTable
        event={event}
        devices={devices}
        onChanged={(text) => {
          setSaid(text);
          reloadDevices();
        }}
        onError={onError}
      />
      {closed ? (
        <p class="hint">{t("events.closedNote")}</p>
      ) : (
        <AddDevice event={event} onAdded={reloadDevices} onError={onError} />
      )}
    </li>
  );
}

/** Enrols a tablet: its link and QR code are shown once, here. */
function AddDevice({
  event,
  onAdded,
  onError,
}: {
  event: EventSummary;
  onAdded(): void;
  onError(e: unknown): void;
}) {
  const [label, setLabel] = useState("");
  const [link, setLink] = useState<string | undefined>();
  const [busy, once] = useOneAtATime();
  const labelId = `device-label-${event.id}`;
  const addDevice = async () => {
    try {
      setLink((await createEnrollmentLink(event, label.trim() || t("events.defaultLabel"))).link);
      setLabel("");
      onAdded();
    } catch (error) {
      onError(error);
    }
  };
  return (
    <>
      <form
        class="events-section__device-form"
        onSubmit={(e) => {
          e.preventDefault();
          once(addDevice);
        }}
      >
        <Field id={labelId} label={t("events.deviceLabel")}>
          {(control) => (
            <input
              {...control}
              value={label}
              maxLength={100}
              placeholder={t("events.defaultLabel")}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="button button--secondary" aria-disabled={busy}>
          {t("events.addDevice")}
        </button>
      </form>
      {link && (
        <div class="events-section__enrollment" role="status">
          <p>
            <strong>{t("events.enrollTitle")}</strong>
          </p>
          <p class="hint">{t("events.enrollHelp")}</p>
          <QrCode text={link} label={t("events.enrollQr", { name: event.name })} />
          <p>
            <a href={link} class="events-section__link" data-enrollment-link>
              {t("events.enrollLink")}
            </a>
          </p>
        </div>
      )}
    </>
  );
}
