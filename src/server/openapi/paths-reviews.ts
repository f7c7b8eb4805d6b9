import { json, jsonBody, organizer, problem, surveyId, unauthorized } from "./parts";

/** What the collector held, for an analyst to count or exclude. */
export const reviewPaths = {
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
        "Move responses to counted, held or excluded: by ids, or by a filter (state, reason, wave, eventId, deviceId, mode, from/to on submittedAt); answer_choices follows, so tallies change at once. The reason and an optional note go to the audit log with the change's id, which undoes it",
      parameters: [surveyId],
      requestBody: jsonBody("ReviewRequest"),
      responses: {
        "200": json(
          "ReviewResult",
          "How many changed (0 when they were already in that state) and the change's id",
        ),
        "400": problem("Not a review (invalid_body: which field and why)"),
        ...unauthorized,
        "403": problem("Origin of another site"),
        "404": problem(
          "No such survey, or ids it does not hold (responses_not_found, each named): nothing changed",
        ),
        "422": problem("A filter that matches no response (nothing_matched): nothing changed"),
      },
    },
  },
  "/surveys/{id}/reviews/{changeId}/undo": {
    post: {
      ...organizer,
      summary:
        "Undo a review change: every response it moved that nothing moved since goes back to its state before; the undo is a change of its own (undoable too) and in the audit log",
      parameters: [surveyId, { name: "changeId", in: "path", required: true, schema: { type: "string" } }],
      requestBody: jsonBody("UndoRequest"),
      responses: {
        "200": json("ReviewResult", "How many came back, and the undo's change id"),
        "400": problem("No reason (invalid_body)"),
        ...unauthorized,
        "403": problem("Origin of another site"),
        "404": problem("No such survey or change (review_change_not_found)"),
        "409": problem("Undone already (review_already_undone)"),
      },
    },
  },
};
