import { Hono } from "hono";
import { MAX_BATCH_BYTES, MAX_BATCH_ITEMS, ResponsesBody, type ResponsesResult } from "../../survey";
import { describeProblems, problemsOf } from "../../survey/issues";
import type { AppDeps } from "../deps";
import { deviceOf } from "../kiosk/device-auth";
import { HttpProblem } from "../problems";
import { readJsonLimited } from "../read-json";
import { ingestBatch } from "../responses/ingest";

export function responseRoutes(deps: Pick<AppDeps, "storage" | "surveys" | "now">): Hono {
  return new Hono().post("/responses", async (c) => {
    // Before the body: a tablet whose token was revoked learns it at once, whatever it sends.
    const device = await deviceOf(c, deps.storage);
    const body = await readJsonLimited(c, MAX_BATCH_BYTES);
    // Too many items is "too large", not "malformed": the device halves its batch and retries.
    const items = (body as { responses?: unknown } | null)?.responses;
    if (Array.isArray(items) && items.length > MAX_BATCH_ITEMS)
      throw new HttpProblem(
        "too_many_items",
        `at most ${MAX_BATCH_ITEMS} responses a request, not ${items.length}`,
      );
    const parsed = ResponsesBody.safeParse(body);
    if (!parsed.success) {
      const problems = problemsOf(parsed.error);
      throw new HttpProblem(
        "invalid_body",
        `expected { "responses": [...] }: ${describeProblems(problems)}`,
        problems,
      );
    }
    const results = await ingestBatch(parsed.data.responses, { ...deps, device });
    return c.json({ results } satisfies ResponsesResult);
  });
}
