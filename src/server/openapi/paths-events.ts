import { eventId, json, jsonBody, organizer, problem, unauthorized } from "./parts";

/** Events and their kiosk devices. */
export const eventPaths = {
  "/events": {
    post: {
      ...organizer,
      summary: "Create an event (where staff collect answers on kiosk tablets)",
      requestBody: jsonBody("NewEventRequest"),
      responses: {
        "201": json("Event", "The event, with its id"),
        "400": problem("Malformed body"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
    get: {
      ...organizer,
      summary:
        "Events (but the deleted ones), latest day first, each with closedAt and its stored responses (any review state)",
      parameters: [{ name: "surveyId", in: "query", required: false, schema: { type: "string" } }],
      responses: {
        "200": json("EventList", "The events"),
        "400": problem("Bad surveyId"),
        ...unauthorized,
      },
    },
  },
  "/events/{id}": {
    patch: {
      ...organizer,
      summary:
        "Change an event's name, place or day, or close it (closed: true; false reopens it): a closed event takes no new tablet, but its tablets still send the answers they hold (audited)",
      parameters: [eventId],
      requestBody: jsonBody("EventPatchRequest"),
      responses: {
        "200": json("Event", "The event after the change"),
        "400": problem("Malformed body, or nothing to change (problems name each field)"),
        ...unauthorized,
        "404": problem("event_not_found"),
      },
    },
    delete: {
      ...organizer,
      summary:
        "Delete an event that holds no responses, revoking its tablets' tokens (audited); one that holds any is kept",
      parameters: [eventId],
      responses: {
        "204": { description: "Deleted; its tablets' tokens are refused from now on" },
        ...unauthorized,
        "404": problem("event_not_found"),
        "409": problem("event_has_responses: the message and problems[0] say how many responses are stored"),
      },
    },
  },
  "/events/{id}/devices": {
    post: {
      ...organizer,
      summary: "Create a kiosk device for the event; its token is in this answer only (stored hashed)",
      parameters: [eventId],
      requestBody: jsonBody("NewDeviceRequest"),
      responses: {
        "201": json("DeviceEnrollment", "The device and its token"),
        "400": problem("Malformed body"),
        ...unauthorized,
        "404": problem("No such event"),
        "409": problem("event_closed: reopen the event to add a tablet"),
      },
    },
    get: {
      ...organizer,
      summary:
        "The event's kiosk devices (never their tokens), each with its last sync (to the minute), revoked state and stored responses",
      parameters: [eventId],
      responses: {
        "200": json("DeviceList", "The devices"),
        ...unauthorized,
        "404": problem("No such event"),
      },
    },
  },
  "/devices/{id}": {
    patch: {
      ...organizer,
      summary: "Rename a kiosk device (audited)",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      requestBody: jsonBody("DevicePatchRequest"),
      responses: {
        "200": json("Device", "The device after the change"),
        "400": problem("Malformed body"),
        ...unauthorized,
        "404": problem("device_not_found"),
      },
    },
  },
  "/devices/{id}/revoke": {
    post: {
      ...organizer,
      summary:
        "Revoke a device's token: its later requests get 401, so answers it still holds are refused (sync it first)",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": json("Device", "The device, revoked"),
        ...unauthorized,
        "404": problem("No such device"),
      },
    },
  },
};
