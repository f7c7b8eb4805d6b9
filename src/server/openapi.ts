import { z } from "zod";
import { BackupFile } from "../contract/backup";
import { ChoiceShares } from "../contract/choices";
import { ResponseCounts } from "../contract/counts";
import { ErrorBody } from "../contract/errors";
import {
  DeviceEnrollment,
  DeviceList,
  EventList,
  KioskDevice,
  KioskEvent,
  NewDeviceBody,
  NewEventBody,
} from "../contract/events";
import { Health } from "../contract/health";
import { ImportSummary } from "../contract/imports";
import { PopulationSummary } from "../contract/population";
import { BACKUP_PROBLEM_CODES, ITEM_ERROR_CODES, PROBLEM_CODES } from "../contract/problem-codes";
import { ReceiptsBody, ReceiptsResult } from "../contract/receipts";
import { MAX_BATCH_ITEMS, ResponsesResult } from "../contract/responses";
import { ReviewBody, ReviewResult, ReviewSummary } from "../contract/reviews";
import { SurveyList } from "../contract/surveys";
import { Tallies } from "../contract/tallies";
import { Trend } from "../contract/trend";
import { SurveyDefinition } from "../domain/definition";
import { Response } from "../domain/response";

/** The body of GET /api/v1/surveys. */

// The route reads items as unknown to judge each alone; the document says what each should be.
const ResponsesRequest = z.object({ responses: z.array(Response).max(MAX_BATCH_ITEMS) });

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  });
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string) => ({
  description,
  content: { "application/json": { schema: ref(name) } },
});
const problem = (description: string) => json("ErrorBody", description);
const surveyId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const eventId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const wave = {
  name: "wave",
  in: "query",
  required: false,
  description: "Fiscal year (年度, April–March in Asia/Tokyo); omitted: every wave",
  schema: { type: "integer" },
};
const blanks = {
  name: "blanks",
  in: "query",
  required: false,
  description:
    "What the weighted estimate does with a respondent who left a weighting question blank: exclude (the default; the count is in weighted.leftOut.blankAnswer) or keep (at weight 1, their share of the sample)",
  schema: { type: "string", enum: ["exclude", "keep"] },
};
const organizer = { security: [{ organizerToken: [] }, { organizerSession: [] }] };
const unauthorized = { "401": problem("No valid organizer token (WWW-Authenticate: Bearer)") };

/** OpenAPI 3.1 for HTTP contract v1, its schemas generated from the same zod schemas the routes use. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Tsunagu collector — HTTP contract v1",
      version: "1.0.0",
      description: `Any server that speaks this can be the app's endpoint. Responses are stored by id: resending is always safe. An error is { error: { code, message, problems? } }: code is stable (${PROBLEM_CODES.join(", ")}) and what a client words in its reader's language; message is English, for people and as a fallback.`,
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        organizerToken: { type: "http", scheme: "bearer" },
        organizerSession: {
          type: "apiKey",
          in: "cookie",
          name: "tsunagu_session",
          description:
            "The dashboard's session from POST /session (HttpOnly, SameSite=Strict); a POST or DELETE with it must carry this site's Origin",
        },
        deviceToken: {
          type: "http",
          scheme: "bearer",
          description: "A kiosk device's token, from POST /events/{id}/devices",
        },
      },
      schemas: {
        Health: jsonSchema(Health, "output"),
        SurveyList: jsonSchema(SurveyList, "output"),
        SurveyDefinition: jsonSchema(SurveyDefinition, "output"),
        Response: jsonSchema(Response, "input"),
        ResponsesRequest: jsonSchema(ResponsesRequest, "input"),
        ResponsesResult: jsonSchema(ResponsesResult, "output"),
        ReceiptsRequest: jsonSchema(ReceiptsBody, "input"),
        ReceiptsResult: jsonSchema(ReceiptsResult, "output"),
        Tallies: jsonSchema(Tallies, "output"),
        BackupFile: jsonSchema(BackupFile, "input"),
        ImportSummary: jsonSchema(ImportSummary, "output"),
        ChoiceShares: jsonSchema(ChoiceShares, "output"),
        Trend: jsonSchema(Trend, "output"),
        ResponseCounts: jsonSchema(ResponseCounts, "output"),
        PopulationSummary: jsonSchema(PopulationSummary, "output"),
        ErrorBody: jsonSchema(ErrorBody, "output"),
        NewEventRequest: jsonSchema(NewEventBody, "input"),
        Event: jsonSchema(KioskEvent, "output"),
        EventList: jsonSchema(EventList, "output"),
        NewDeviceRequest: jsonSchema(NewDeviceBody, "input"),
        Device: jsonSchema(KioskDevice, "output"),
        DeviceEnrollment: jsonSchema(DeviceEnrollment, "output"),
        DeviceList: jsonSchema(DeviceList, "output"),
        ReviewRequest: jsonSchema(ReviewBody, "input"),
        ReviewResult: jsonSchema(ReviewResult, "output"),
        ReviewSummary: jsonSchema(ReviewSummary, "output"),
      },
    },
    paths: {
      "/health": {
        get: { summary: "Liveness and storage kind", responses: { "200": json("Health", "Up") } },
      },
      "/surveys": {
        get: {
          summary: "The latest version of every survey",
          responses: { "200": json("SurveyList", "Summaries") },
        },
      },
      "/surveys/{id}": {
        get: {
          summary: "One survey definition, the latest or ?version=N",
          parameters: [
            surveyId,
            { name: "version", in: "query", required: false, schema: { type: "integer" } },
          ],
          responses: {
            "200": json("SurveyDefinition", "The definition"),
            "400": problem("Bad version"),
            "404": problem("No such survey or version"),
          },
        },
      },
      "/responses": {
        post: {
          summary: `Store up to ${MAX_BATCH_ITEMS} responses (1 MiB); one result per item, in order`,
          description:
            "Anyone may send. A kiosk sends its device token: an unknown or revoked one is refused (401), and a kiosk response whose deviceId or eventId is not the token's is rejected.",
          security: [{}, { deviceToken: [] }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("ResponsesRequest") } },
          },
          responses: {
            "200": json(
              "ResponsesResult",
              `accepted: stored now; duplicate: stored before with the same content; conflict: stored with other content, nothing changed; rejected: invalid, error says which field. A conflict or rejection carries code, stable, for a client to word in its reader's language (${ITEM_ERROR_CODES.join(", ")}; a client shows error for a code it does not know), and error, in English`,
            ),
            "400": problem("Malformed JSON or not { responses: [...] }"),
            "401": problem("A device token was sent and is unknown or revoked"),
            "413": problem("More than 500 items or 1 MiB"),
            "415": problem("Not JSON"),
            "429": problem(
              "Too many requests from this address (every /api/v1 route but /health): wait Retry-After seconds",
            ),
          },
        },
      },
      "/receipts": {
        post: {
          summary: "Which of these ids the collector holds",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("ReceiptsRequest") } },
          },
          responses: {
            "200": json("ReceiptsResult", "The stored ids"),
            "400": problem("Malformed body"),
            "413": problem("More than 1000 ids"),
            "429": problem("Too many requests from this address: wait Retry-After seconds"),
          },
        },
      },
      "/surveys/{id}/tallies": {
        get: {
          ...organizer,
          summary: "Each indicator's n, positive, percent, Wilson 95% interval, target and verdict",
          parameters: [
            surveyId,
            wave,
            {
              name: "by",
              in: "query",
              required: false,
              description:
                "A single-choice question id, or mode or event, to break down by; groups below minCell are suppressed, and a second one where a total or another wave would give a hidden one back",
              schema: { type: "string" },
            },
            blanks,
          ],
          responses: {
            "200": json("Tallies", "The tallies"),
            "400": problem("Bad wave, by or blanks"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
      },
      "/surveys/{id}/tallies.csv": {
        get: {
          ...organizer,
          summary:
            "The tallies as CSV (UTF-8 with BOM, CRLF, RFC 4180, formula-like cells neutralised): each indicator's total, then its groups",
          parameters: [
            surveyId,
            wave,
            { name: "by", in: "query", required: false, schema: { type: "string" } },
            blanks,
          ],
          responses: {
            "200": { description: "The CSV", content: { "text/csv": { schema: { type: "string" } } } },
            "400": problem("Bad wave, by or blanks"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
      },
      "/surveys/{id}/policy.csv": {
        get: {
          ...organizer,
          summary: "The operating-policy table (指標 / 目標 / 実績 / 達成状況) as CSV, UTF-8 with BOM",
          parameters: [surveyId, wave],
          responses: {
            "200": { description: "The CSV", content: { "text/csv": { schema: { type: "string" } } } },
            "400": problem("Bad wave"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
      },
      "/surveys/{id}/choices": {
        get: {
          ...organizer,
          summary:
            "The share choosing each option of a choice question, over the respondents who saw and answered it",
          parameters: [
            surveyId,
            wave,
            {
              name: "question",
              in: "query",
              required: true,
              description: "A multiple-choice question id",
              schema: { type: "string" },
            },
          ],
          responses: {
            "200": json("ChoiceShares", "The shares"),
            "400": problem("Bad wave or question"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
      },
      "/surveys/{id}/counts": {
        get: {
          ...organizer,
          summary:
            "Stored responses per day of submittedAt in Asia/Tokyo, per event, per kiosk device and per survey version; events the tallies' by=event hides, or below minCell, and their devices carry n null and suppressed true",
          parameters: [surveyId, wave],
          responses: {
            "200": json("ResponseCounts", "The counts"),
            "400": problem("Bad wave"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
      },
      "/surveys/{id}/trend": {
        get: {
          ...organizer,
          summary:
            "Each indicator per wave, with the change from the previous wave, Newcombe's 95% interval and whether it exceeds it",
          parameters: [surveyId],
          responses: {
            "200": json("Trend", "The trend"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
      },
      "/session": {
        post: {
          summary: "Dashboard sign-in with the organizer token: sets the session cookie (8 hours)",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { type: "object", properties: { token: { type: "string" } }, required: ["token"] },
              },
            },
          },
          responses: {
            "200": { description: "Signed in; Set-Cookie: tsunagu_session (HttpOnly, SameSite=Strict)" },
            "401": problem("Not the organizer token"),
            "403": problem("Origin of another site"),
            "429": problem("Too many wrong tokens from this client: wait Retry-After seconds"),
          },
        },
        get: {
          summary: "Whether the session cookie is signed in (anyone may ask; the answer says only yes or no)",
          responses: { "200": { description: '{"signedIn": true} or {"signedIn": false}' } },
        },
        delete: {
          summary: "Sign out: the session ends and the cookie is cleared",
          responses: { "204": { description: "Signed out" }, "403": problem("Origin of another site") },
        },
      },
      "/surveys/{id}/reviews": {
        get: {
          ...organizer,
          summary:
            "What is stored but not counted (held: a burst from one source, or a clock that cannot be true; excluded), by state, reason and wave",
          parameters: [surveyId],
          responses: {
            "200": json("ReviewSummary", "Counts"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
        post: {
          ...organizer,
          summary:
            "Move responses to counted, held or excluded: by ids, or every response of a state (and reason, wave); answer_choices follows, so tallies change at once",
          parameters: [surveyId],
          requestBody: { required: true, content: { "application/json": { schema: ref("ReviewRequest") } } },
          responses: {
            "200": json("ReviewResult", "How many changed (0 when they were already in that state)"),
            "400": problem("Not a review (invalid_body: which field and why)"),
            ...unauthorized,
            "403": problem("Origin of another site"),
            "404": problem("No such survey"),
          },
        },
      },
      "/surveys/{id}/population": {
        get: {
          ...organizer,
          summary: "The population totals the weighted estimates use (empty when none was uploaded)",
          parameters: [surveyId],
          responses: {
            "200": json("PopulationSummary", "The stored totals"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
        post: {
          ...organizer,
          summary:
            "Replace the population totals from CSV: a header of single-choice question ids (age group, sex) and population, one row a cell by option id",
          parameters: [
            surveyId,
            {
              ...wave,
              description:
                "The fiscal year whose respondents must each have a cell with a population; omitted: every wave's. The totals are kept per survey",
            },
          ],
          requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
          responses: {
            "200": json("PopulationSummary", "Stored"),
            "400": problem("Bad wave"),
            ...unauthorized,
            "404": problem("No such survey"),
            "413": problem("Larger than 256 KiB"),
            "422": problem(
              "Not valid (invalid_population_csv: every problem with its line and column), or population_cells_missing: each cell with respondents that the file leaves out or gives 0, named; nothing was stored",
            ),
          },
        },
      },
      "/surveys/{id}/responses.csv": {
        get: {
          ...organizer,
          summary: "Every response as CSV: UTF-8 with BOM, CRLF, id first, one column a question",
          parameters: [surveyId, wave],
          responses: {
            "200": { description: "The CSV", content: { "text/csv": { schema: { type: "string" } } } },
            "400": problem("Bad wave"),
            ...unauthorized,
            "404": problem("No such survey"),
          },
        },
      },
      "/imports": {
        post: {
          ...organizer,
          summary:
            "Import a device-backup file (≤ 20 MiB) through the same checks and dedupe as /responses; a damaged or foreign file stores nothing",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("BackupFile") } },
          },
          responses: {
            "200": json(
              "ImportSummary",
              "A count per status, then one result per item of the file, in order",
            ),
            ...unauthorized,
            "413": problem("Larger than 20 MiB"),
            "422": problem(
              `invalid_backup: not a Tsunagu backup, an unsupported version, or damaged (schema or checksum); problems[].code says which (${BACKUP_PROBLEM_CODES.join(", ")}) and path where`,
            ),
          },
        },
      },
      "/events": {
        post: {
          ...organizer,
          summary: "Create an event (where staff collect answers on kiosk tablets)",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("NewEventRequest") } },
          },
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
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("NewDeviceRequest") } },
          },
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
      "/openapi.json": {
        get: {
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
        },
      },
    },
  };
}
