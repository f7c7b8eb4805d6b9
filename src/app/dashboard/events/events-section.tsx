import { useRef, useState } from "preact/hooks";
import type { EventSummary } from "../../../contract/events";
import type { SurveyDefinition } from "../../../domain/definition";
import { localize } from "../../../domain/locales";
import { t } from "../../../i18n";
import { createEvent, listEvents } from "../../collector/events-api";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { QrCode } from "../../components/qr-code";
import { latest } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { Link } from "../../router/link";
import { flyerPath, surveyPath } from "../../router/routes";
import { collectorProblem, ProblemDetails, type ProblemText } from "../collector-problem";
import { useOrganizerResource } from "../use-organizer-resource";
import { EventForm } from "./event-form";
import { EventItem } from "./event-item";
import "./events.css";

interface Props {
  def: SurveyDefinition;
  onUnauthorized(): void;
}

/** The organizer's field tools for one survey: the resident link and flyer, events and their kiosks. */
export function EventsSection({ def, onUnauthorized }: Props) {
  const { locale } = useLocale();
  const [list, reload] = useOrganizerResource(() => listEvents(def.id), def.id, onUnauthorized, {
    keep: true,
  });
  // Events made here since the list came: first, until the list (which then holds them) comes again.
  const [made, setMade] = useState<{ surveyId: string; events: EventSummary[] }>({
    surveyId: def.id,
    events: [],
  });
  // Events deleted here: gone at once, before the list is read again.
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  // What the last deletion did, said where the deleted event's own live region no longer is.
  const [gone, setGone] = useState("");
  const eventsHeading = useRef<HTMLHeadingElement>(null);
  const listed = latest(list);
  const fresh = (made.surveyId === def.id ? made.events : []).filter(
    (e) => !listed?.some((l) => l.id === e.id),
  );
  const events =
    listed === undefined && fresh.length === 0
      ? undefined
      : [...fresh, ...(listed ?? [])].filter((e) => !deleted.has(e.id));
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

      <h3 ref={eventsHeading} tabIndex={-1}>
        {t("events.eventsTitle")}
      </h3>
      <p class="events-section__said" role="status">
        {gone}
      </p>
      {failure && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails problem={failure} />
        </div>
      )}
      {events && events.length === 0 && <p>{t("events.none")}</p>}
      {events && events.length > 0 && (
        <ul class="events-section__list">
          {events.map((event) => (
            <EventItem
              key={event.id}
              event={event}
              onChanged={() => {
                setSaid(null);
                reload();
              }}
              onDeleted={(name) => {
                setSaid(null);
                setDeleted(new Set([...deleted, event.id]));
                setGone(t("events.deleted", { name }));
                // The event's buttons are gone with it: the focus goes to the list's heading.
                requestAnimationFrame(() => eventsHeading.current?.focus());
                reload();
              }}
              onError={fail}
              onUnauthorized={onUnauthorized}
            />
          ))}
        </ul>
      )}
      <EventForm
        onSubmit={async (body) => {
          try {
            const created = await createEvent({ surveyId: def.id, ...body });
            setSaid(null);
            setMade({ surveyId: def.id, events: [{ ...created, responses: 0 }, ...fresh] });
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
