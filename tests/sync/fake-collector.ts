import type { ItemResult } from "../../src/contract/responses";
import { canonicalJson } from "../../src/domain/canonical-json";
import { Response as ResponseSchema } from "../../src/domain/response";

/** What the fake endpoint does with one request. */
export type Fault =
  | "ok"
  | "server-error" // 503, nothing stored
  | "rate-limited" // 429 with Retry-After, nothing stored
  | "network-before" // the request never arrives
  | "lost-after" // stored, then the connection drops before the answer
  | "too-large" // 413 for any batch of more than one item
  | "omit-last" // stored, but the answer leaves out the last item
  | "unauthorized"; // 401

export interface Request {
  url: string;
  ids: string[];
  headers: Headers;
  init: RequestInit;
}

/**
 * An in-process collector behind a fetch function: dedupes by id like the real one (same content:
 * duplicate, other content: conflict), stores each id once, and fails as `next()` says.
 */
export function fakeCollector(next: (batch: unknown[]) => Fault = () => "ok") {
  const stored = new Map<string, string>();
  const storeCounts = new Map<string, number>();
  const requests: Request[] = [];
  /** Ids whose accepted or duplicate reached the device in a 200 answer: only these may be sent. */
  const acknowledged = new Set<string>();
  let conflicts = 0;

  const judge = (item: unknown): ItemResult => {
    const parsed = ResponseSchema.safeParse(item);
    const id = String((item as { id?: unknown })?.id ?? "");
    if (!parsed.success)
      return { id, status: "rejected", error: parsed.error.issues[0]?.message ?? "invalid" };
    const text = canonicalJson(parsed.data);
    const held = stored.get(id);
    if (held === undefined) {
      stored.set(id, text);
      storeCounts.set(id, (storeCounts.get(id) ?? 0) + 1);
      return { id, status: "accepted" };
    }
    if (held === text) return { id, status: "duplicate" };
    conflicts++;
    return { id, status: "conflict", error: "stored with other content" };
  };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new globalThis.Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });

  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const batch = (JSON.parse(String(init.body)) as { responses: unknown[] }).responses;
    const ids = batch.map((item) => String((item as { id?: unknown }).id));
    requests.push({ url: String(input), ids, headers: new Headers(init.headers), init });
    const fault = next(batch);
    if (fault === "network-before") throw new TypeError("Failed to fetch");
    if (fault === "server-error") return json(503, { error: { code: "unavailable", message: "down" } });
    if (fault === "rate-limited")
      return json(429, { error: { code: "slow", message: "slow down" } }, { "Retry-After": "7" });
    if (fault === "unauthorized") return json(401, { error: { code: "unauthorized", message: "bad token" } });
    if (fault === "too-large" && batch.length > 1)
      return json(413, { error: { code: "too_large", message: "too large" } });
    const results = batch.map(judge);
    if (fault === "lost-after") throw new TypeError("network connection was lost");
    const answered = fault === "omit-last" ? results.slice(0, -1) : results;
    for (const r of answered) if (r.status === "accepted" || r.status === "duplicate") acknowledged.add(r.id);
    return json(200, { results: answered });
  };

  return { fetch, stored, storeCounts, requests, acknowledged, conflicts: () => conflicts };
}
