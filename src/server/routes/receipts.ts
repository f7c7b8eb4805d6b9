import { Hono } from "hono";
import { MAX_RECEIPT_IDS, ReceiptsBody, type ReceiptsResult } from "../../contract/receipts";
import { MAX_BATCH_BYTES } from "../../contract/responses";
import { ResponseId } from "../../domain/response";
import type { DepsWith } from "../deps";
import { readBody } from "../http/read-body";
import type { ResponseStorage } from "../storage/response-storage";

export function receiptRoutes({ storage }: DepsWith<Pick<ResponseStorage, "storedIds">>): Hono {
  return new Hono().post("/receipts", async (c) => {
    const body = await readBody(c, {
      maxBytes: MAX_BATCH_BYTES,
      schema: ReceiptsBody,
      what: '{ "ids": [...] }',
      items: { field: "ids", max: MAX_RECEIPT_IDS, noun: "ids" },
    });
    // Only a UUIDv7 can be stored, so nothing else is looked up (a NUL byte would upset PostgreSQL).
    const candidates = body.ids.filter((id) => ResponseId.safeParse(id).success);
    return c.json({ stored: await storage.storedIds(candidates) } satisfies ReceiptsResult);
  });
}
