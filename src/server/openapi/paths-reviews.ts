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
        "Move responses to counted, held or excluded: by ids, or every response of a state (and reason, wave); answer_choices follows, so tallies change at once",
      parameters: [surveyId],
      requestBody: jsonBody("ReviewRequest"),
      responses: {
        "200": json("ReviewResult", "How many changed (0 when they were already in that state)"),
        "400": problem("Not a review (invalid_body: which field and why)"),
        ...unauthorized,
        "403": problem("Origin of another site"),
        "404": problem("No such survey"),
      },
    },
  },
};
