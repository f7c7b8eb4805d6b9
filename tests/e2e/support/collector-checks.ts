import type { Collector } from "../../../harness/collector";

/** Which of `ids` the collector holds, asked through POST /receipts (≤ 1000 a request). */
export async function storedIds(collector: Collector, ids: readonly string[]): Promise<Set<string>> {
  const held = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const res = await fetch(`${collector.origin}/api/v1/receipts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ids: ids.slice(i, i + 1000) }),
    });
    if (!res.ok) throw new Error(`receipts: HTTP ${res.status}`);
    for (const id of ((await res.json()) as { stored: string[] }).stored) held.add(id);
  }
  return held;
}

/** Rows in the collector's CSV of the survey (one per stored response): a duplicate would add one. */
export async function csvRows(collector: Collector): Promise<string[]> {
  const csv = await (await collector.api("/surveys/ward-resident/responses.csv")).text();
  return csv.split("\r\n").filter(Boolean).slice(1);
}
