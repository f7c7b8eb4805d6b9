import { z } from "zod/mini";

/** A schema as JSON Schema 2020-12: what a client sends (input) or what it gets (output). */
export function jsonSchema(schema: z.core.$ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  });
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: string, description: string) => ({
  description,
  content: { "application/json": { schema: ref(name) } },
});
export const jsonBody = (name: string) => ({
  required: true,
  content: { "application/json": { schema: ref(name) } },
});
export const problem = (description: string) => json("ErrorBody", description);
export const surveyId = { name: "id", in: "path", required: true, schema: { type: "string" } };
export const eventId = { name: "id", in: "path", required: true, schema: { type: "string" } };
export const wave = {
  name: "wave",
  in: "query",
  required: false,
  description: "Fiscal year (年度, April–March in Asia/Tokyo); omitted: every wave",
  schema: { type: "integer" },
};
export const blanks = {
  name: "blanks",
  in: "query",
  required: false,
  description:
    "What the weighted estimate does with a respondent who left a weighting question blank: exclude (the default; the count is in weighted.leftOut.blankAnswer) or keep (at weight 1, their share of the sample)",
  schema: { type: "string", enum: ["exclude", "keep"] },
};
export const labels = {
  name: "labels",
  in: "query",
  required: false,
  description:
    "A language of the survey (ja, ja-x-easy, en, zh-Hans, ko, vi as it declares them) to put option labels and short question labels beside the ids, which stay; another is 400 unknown_locale",
  schema: { type: "string" },
};
export const organizer = { security: [{ organizerToken: [] }, { organizerSession: [] }] };
export const unauthorized = {
  "401": problem("No valid session or organizer token (WWW-Authenticate: Bearer)"),
  "403": problem(
    "forbidden: the account's role or survey scope does not allow it (src/server/auth/route-roles.ts); or cross_site_request",
  ),
};

/** An organizer's CSV download of one survey: 400 for a bad query, 404 for no such survey. */
export const csvDownload = (summary: string, parameters: readonly object[], badQuery: string) => ({
  get: {
    ...organizer,
    summary,
    parameters,
    responses: {
      "200": { description: "The CSV", content: { "text/csv": { schema: { type: "string" } } } },
      "400": problem(badQuery),
      ...unauthorized,
      "404": problem("No such survey"),
    },
  },
});
