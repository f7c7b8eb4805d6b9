import { ITEM_ERROR_CODES } from "../../contract/problem-codes";
import { MAX_BATCH_ITEMS } from "../../contract/responses";
import { json, jsonBody, problem } from "./parts";

/** What devices send: responses, and the check of which of them the collector holds. */
export const intakePaths = {
  "/responses": {
    post: {
      summary: `Store up to ${MAX_BATCH_ITEMS} responses (1 MiB); one result per item, in order`,
      description:
        "Anyone may send. A kiosk sends its device token: an unknown or revoked one is refused (401), and a kiosk response whose deviceId or eventId is not the token's is rejected. A paper keying (mode paper, with paperForm) is staff's: its batch needs a signed-in session or the organizer token (else 401, the whole batch), and an account whose scope lacks its survey has it rejected (paper_keyer_missing); keyings of one form are compared on arrival, and only forms whose keyings agree are counted.",
      security: [{}, { deviceToken: [] }],
      requestBody: jsonBody("ResponsesRequest"),
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
      requestBody: jsonBody("ReceiptsRequest"),
      responses: {
        "200": json("ReceiptsResult", "The stored ids"),
        "400": problem("Malformed body"),
        "413": problem("More than 1000 ids"),
        "429": problem("Too many requests from this address: wait Retry-After seconds"),
      },
    },
  },
};
