import { Hono } from "hono";
import {
  MAX_BATCH_BYTES,
  MAX_BATCH_ITEMS,
  ResponsesBody,
  type ResponsesResult,
} from "../../contract/responses";
import { describeProblems, problemsOf } from "../../domain/issues";
import type { AppDeps } from "../deps";
import { deviceOf } from "../kiosk/device-auth";
import { HttpProblem } from "../problems";
import { readJsonLimited } from "../read-json";
import { ingestBatch } from "../responses/ingest";
import { IntakeRefused, type IntakeSource, intakeGate } from "../responses/intake";

export function responseRoutes(
  deps: Pick<AppDeps, "storage" | "surveys" | "now" | "intakeLimits"> &
    Required<Pick<AppDeps, "clientAddress">>,
): Hono {
  const gate = intakeGate(deps.storage, deps.intakeLimits);
  const addressOf = deps.clientAddress;
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
    // Counted against the kiosk of its token, else against the address (never stored: intake.ts).
    // An address unknown (app.request() in a test, no socket) is not limited, as in rate-limit.ts.
    const address = device ? undefined : addressOf(c);
    const source: IntakeSource | undefined = device
      ? { kind: "device", deviceId: device.id }
      : address !== undefined
        ? { kind: "address", address }
        : undefined;
    const now = deps.now?.() ?? new Date();
    let intake: Awaited<ReturnType<typeof gate.quotaFor>> | undefined;
    try {
      intake = source && (await gate.quotaFor(source, now));
    } catch (error) {
      if (!(error instanceof IntakeRefused)) throw error;
      c.header("Retry-After", String(error.retryAfterSeconds));
      throw new HttpProblem("rate_limited", `${error.message}; retry after the given seconds`);
    }
    const results = await ingestBatch(
      parsed.data.responses,
      { ...deps, now: () => now },
      { device, ...(intake && { intake }) },
    );
    return c.json({ results } satisfies ResponsesResult);
  });
}
