import { ErrorBody } from "../contract/errors";
import { MAX_RECEIPT_IDS, ReceiptsResult } from "../contract/receipts";
import type { Outbox } from "../outbox";
import { describeError } from "./outcome";
import { REQUEST_TIMEOUT_MS } from "./post-batch";
import { getDeviceToken, getEndpoint } from "./settings";

/** Why the collector could not be asked; the records are then left exactly as they were. */
export class ReceiptsError extends Error {
  override name = "ReceiptsError";
  constructor(
    message: string,
    readonly kind: "offline" | "unauthorized" | "error",
  ) {
    super(message);
  }
}

export interface ReceiptsReport {
  /** Sent records asked about. */
  asked: number;
  /** Of those, held by the collector. */
  confirmed: number;
  /** Sent, but the collector does not hold them: candidates for a resend. */
  missing: string[];
}

export interface ReceiptsOptions {
  fetch?: typeof fetch;
  now?: () => number;
  endpoint?: string;
  token?: string | undefined;
  /** The contract's limit is 1000 ids a request. */
  chunkSize?: number;
}

/**
 * Asks POST /receipts which of this device's sent responses the collector holds, at most 1000 ids a
 * request, and records the answer on each. A collector that forgot some (restored from an old
 * backup, a disk lost) shows up here instead of in next year's report. Needs no window, so the
 * service worker can run it as well.
 */
export async function checkReceipts(outbox: Outbox, options: ReceiptsOptions = {}): Promise<ReceiptsReport> {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const endpoint = options.endpoint ?? (await getEndpoint(outbox));
  const token = "token" in options ? options.token : await getDeviceToken(outbox);
  const size = Math.min(options.chunkSize ?? MAX_RECEIPT_IDS, MAX_RECEIPT_IDS);
  const ids = (await outbox.list({ state: "sent" })).map((record) => record.id);
  const report: ReceiptsReport = { asked: ids.length, confirmed: 0, missing: [] };
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    const held = await askReceipts(chunk, { endpoint, token, fetch: fetchFn });
    const stored = chunk.filter((id) => held.has(id));
    const missing = chunk.filter((id) => !held.has(id));
    await outbox.recordReceipts(stored, missing, now());
    report.confirmed += stored.length;
    report.missing.push(...missing);
  }
  return report;
}

async function askReceipts(
  ids: string[],
  options: { endpoint: string; token: string | undefined; fetch: typeof fetch },
): Promise<Set<string>> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let answer: globalThis.Response;
  try {
    answer = await options.fetch(`${options.endpoint}/receipts`, {
      method: "POST",
      headers,
      body: JSON.stringify({ ids }),
      credentials: "omit",
      cache: "no-store",
      ...(typeof AbortSignal.timeout === "function" && { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
    });
  } catch (error) {
    throw new ReceiptsError(describeError(error), "offline");
  }
  if (!answer.ok) {
    const body = ErrorBody.safeParse(await answer.json().catch(() => undefined));
    const message = `HTTP ${answer.status}: ${body.success ? body.data.error.message : answer.statusText}`;
    throw new ReceiptsError(
      message,
      answer.status === 401 || answer.status === 403 ? "unauthorized" : "error",
    );
  }
  const parsed = ReceiptsResult.safeParse(await answer.json().catch(() => undefined));
  if (!parsed.success) throw new ReceiptsError("the endpoint's answer is not a v1 receipts body", "error");
  return new Set(parsed.data.stored);
}

/**
 * Puts back in the queue every sent response the collector has not confirmed, so the next sync
 * sends it again. Safe: the collector dedupes by id, so one it does hold comes back "duplicate".
 */
export async function requeueUnconfirmed(outbox: Outbox): Promise<string[]> {
  const unconfirmed = (await outbox.list({ state: "sent" })).filter((r) => r.confirmedAt === undefined);
  return outbox.requeue(unconfirmed.map((r) => r.id));
}
