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
      summary: "Events, latest day first",
      parameters: [{ name: "surveyId", in: "query", required: false, schema: { type: "string" } }],
      responses: {
        "200": json("EventList", "The events"),
        "400": problem("Bad surveyId"),
        ...unauthorized,
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
      },
    },
    get: {
      ...organizer,
      summary: "The event's kiosk devices (never their tokens)",
      parameters: [eventId],
      responses: {
        "200": json("DeviceList", "The devices"),
        ...unauthorized,
        "404": problem("No such event"),
      },
    },
  },
  "/devices/{id}/revoke": {
    post: {
      ...organizer,
      summary: "Revoke a device's token: its later requests get 401",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": json("Device", "The device, revoked"),
        ...unauthorized,
        "404": problem("No such device"),
      },
    },
  },
};
