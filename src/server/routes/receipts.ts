import { Hono } from "hono";
import { MAX_RECEIPT_IDS, ReceiptsBody, type ReceiptsResult } from "../../contract/receipts";
import { MAX_BATCH_BYTES } from "../../contract/responses";
import { describeProblems, problemsOf } from "../../domain/issues";
import { ResponseId } from "../../domain/response";
import type { AppDeps } from "../deps";
import { HttpProblem } from "../problems";
import { readJsonLimited } from "../read-json";

export function receiptRoutes({ storage }: Pick<AppDeps, "storage">): Hono {
  return new Hono().post("/receipts", async (c) => {
    const body = await readJsonLimited(c, MAX_BATCH_BYTES);
    const ids = (body as { ids?: unknown } | null)?.ids;
    if (Array.isArray(ids) && ids.length > MAX_RECEIPT_IDS)
      throw new HttpProblem("too_many_items", `at most ${MAX_RECEIPT_IDS} ids a request, not ${ids.length}`);
    const parsed = ReceiptsBody.safeParse(body);
    if (!parsed.success) {
      const problems = problemsOf(parsed.error);
      throw new HttpProblem(
        "invalid_body",
        `expected { "ids": [...] }: ${describeProblems(problems)}`,
        problems,
      );
    }
    // Only a UUIDv7 can be stored, so nothing else is looked up (a NUL byte would upset PostgreSQL).
    const candidates = parsed.data.ids.filter((id) => ResponseId.safeParse(id).success);
    return c.json({ stored: await storage.storedIds(candidates) } satisfies ReceiptsResult);
  });
}
