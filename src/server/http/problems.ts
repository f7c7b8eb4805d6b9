import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorBody } from "../../contract/errors";
import type { ProblemCode } from "../../contract/problem-codes";
import type { Problem as FieldProblem } from "../../domain/issues";

export type { ProblemCode };

/**
 * Every error the collector answers, by a stable code a client may act on, mapped once to its HTTP
 * status. The message is for people and may change; the code may not. The codes are listed once in
 * src/contract/problem-codes.ts, which the app words in the reader's language: a code added here and
 * not there fails the type check.
 */
export const PROBLEM_STATUS = {
  malformed_json: 400,
  invalid_body: 400,
  invalid_query: 400,
  invalid_path: 400,
  unknown_locale: 400,
  unauthorized: 401,
  cross_site_request: 403,
  forbidden: 403,
  not_found: 404,
  survey_not_found: 404,
  event_not_found: 404,
  device_not_found: 404,
  event_has_responses: 409,
  event_closed: 409,
  invitation_batch_not_found: 404,
  too_many_items: 413,
  body_too_large: 413,
  unsupported_media_type: 415,
  invalid_backup: 422,
  invalid_population_csv: 422,
  population_cells_missing: 422,
  invalid_workbook: 422,
  survey_id_mismatch: 422,
  version_conflict: 409,
  survey_exists: 409,
  login_taken: 409,
  account_not_found: 404,
  account_required: 409,
  wrong_password: 403,
  session_not_found: 404,
  last_admin: 409,
  own_password: 409,
  api_token_not_found: 404,
  invitation_invalid: 404,
  passkey_not_found: 404,
  passkey_refused: 400,
  results_not_found: 404,
  results_wave_empty: 422,
  rate_limited: 429,
  too_many_sign_ins: 429,
  responses_not_found: 404,
  nothing_matched: 422,
  review_change_not_found: 404,
  review_already_undone: 409,
  internal: 500,
} as const satisfies Record<ProblemCode, ContentfulStatusCode>;

export class HttpProblem extends Error {
  override name = "HttpProblem";

  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly problems?: readonly FieldProblem[],
  ) {
    super(message);
  }

  get status(): ContentfulStatusCode {
    return PROBLEM_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.problems && this.problems.length > 0 && { problems: [...this.problems] }),
      },
    };
  }
}

export function problemResponse(c: Context, problem: HttpProblem): Response {
  return c.json(problem.toBody(), problem.status);
}
