import { useRef, useState } from "preact/hooks";
import type { KioskEvent } from "../../../contract/events";
import type { SurveyDefinition } from "../../../domain/definition";
import { localize } from "../../../domain/locales";
import { t } from "../../../i18n";
import { createEnrollmentLink, createEvent, listEvents } from "../../collector/events-api";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { QrCode } from "../../components/qr-code";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";
import { latest } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { Link } from "../../router/link";
import { flyerPath, surveyPath } from "../../router/routes";
import { collectorProblem, ProblemDetails, type ProblemText } from "../collector-problem";
import { useOrganizerResource } from "../use-organizer-resource";
import { EventForm } from "./event-form";
import "./events.css";
import { Field } from "../../components/field";

interface Props {
  def: SurveyDefinition;
  onUnauthorized(): void;
}

/** The organizer's field tools for one survey: the resident link and flyer, events and their kiosks. */
export function EventsSection({ def, onUnauthorized }: Props) {
  const { locale } = useLocale();
  const [list] = useOrganizerResource(() => listEvents(def.id), def.id, onUnauthorized, { keep: true });
  // Events made here since the list came: first, until the list (which then holds them) comes again.
  const [made, setMade] = useState<{ surveyId: string; events: KioskEvent[] }>({
    surveyId: def.id,
    events: [],
  });
  const listed = latest(list);
  const fresh = (made.surveyId === def.id ? made.events : []).filter(
    (e) => !listed?.some((l) => l.id === e.id),
  );
  const events = listed === undefined && fresh.length === 0 ? undefined : [...fresh, ...(listed ?? [])];
  // The last action's problem (null: the last one went well), else the list's.
  const [said, setSaid] = useState<ProblemText | null>();
  const failure =
    said !== undefined
      ? (said ?? undefined)
      : list.status === "failed"
        ? collectorProblem(list.error)
        : undefined;
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  const fail = (error: unknown) => {
    if (error instanceof UnauthorizedError) unauthorized.current();
    else setSaid(collectorProblem(error));
  };

  const residentLink = `${window.location.origin}${surveyPath(def.id)}`;
  return (
    <section class="events-section" aria-labelledby="events-title">
      <h2 id="events-title">{t("events.title")}</h2>

      <h3>{t("events.residentTitle")}</h3>
      <div class="events-section__resident">
        <QrCode text={residentLink} label={t("events.residentQr", { title: localize(def.title, locale) })} />
        <div>
          <p class="events-section__link">{residentLink}</p>
          <Link href={flyerPath(def.id)}>{t("events.flyer")}</Link>
        </div>
      </div>

      <h3>{t("events.eventsTitle")}</h3>
      {failure && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails problem={failure} />
        </div>
      )}
      {events && events.length === 0 && <p>{t("events.none")}</p>}
      {events && events.length > 0 && (
        <ul class="events-section__list">
          {events.map((event) => (
            <EventItem key={event.id} event={event} onError={fail} />
          ))}
        </ul>
      )}
      <EventForm
        onCreate={async (body) => {
          try {
            const created = await createEvent({ surveyId: def.id, ...body });
            setSaid(null);
            setMade({ surveyId: def.id, events: [created, ...fresh] });
            return true;
          } catch (error) {
            fail(error);
            return false;
          }
        }}
      />
    </section>
  );
}

function EventItem({ event, onError }: { event: KioskEvent; onError(e: unknown): void }) {
  const { locale } = useLocale();
  const [label, setLabel] = useState("");
  const [link, setLink] = useState<string | undefined>();
  const [busy, once] = useOneAtATime();
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${event.date}T00:00:00Z`),
  );
  const labelId = `device-label-${event.id}`;
  const addDevice = async () => {
    try {
      setLink((await createEnrollmentLink(event, label.trim() || t("events.defaultLabel"))).link);
      setLabel("");
    } catch (error) {
      onError(error);
    }
  };
  return (
    <li class="events-section__event">
      <p class="events-section__event-name">{event.name}</p>
      <p>
        {event.place} · {day}
      </p>
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
    </li>
  );
}
