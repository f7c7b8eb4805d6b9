import { MAX_BATCH_BYTES } from "../contract/responses";

/** Smaller than the contract's 500: on flaky mobile data a short request is likelier to finish. */
export const BATCH_MAX_ITEMS = 100;
/**
 * Batches' worth of pending records read from the outbox at once: each read is a transaction of its
 * own beside the write-backs, and read a batch at a time they cost Chromium's storage backend more
 * than the records read (bench/RESULTS.md, drain: 10,000 responses read in 6.4 s of transactions,
 * 2.3 s when read five batches at a time).
 */
export const BATCHES_PER_READ = 5;
/** Under the contract's 1 MiB with room for a proxy or collector that counts a little differently. */
export const BATCH_MAX_BYTES = MAX_BATCH_BYTES - 64 * 1024;
/** `{"responses":[` and `]}` around the items. */
export const ENVELOPE_BYTES = '{"responses":[]}'.length;

const encoder = new TextEncoder();
// Each response's JSON, made once: a batch is measured when it is planned and then sent as measured,
// and a sync pass of thousands of responses stringified each of them twice on the page's thread.
// Responses are not changed once queued, so an object's JSON stays its JSON.
const made = new WeakMap<object, string>();

function jsonOf(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  let json = made.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    made.set(value, json);
  }
  return json;
}

/** The UTF-8 size of a value as JSON: what it adds to a request body. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(jsonOf(value)).byteLength;
}

/** POST /responses's body: the text of JSON.stringify({ responses: batch }), from each item's JSON. */
export function responsesBody(batch: readonly object[]): string {
  return `{"responses":[${batch.map(jsonOf).join(",")}]}`;
}

/**
 * Whether a response travels with the device's sign-in: a paper keying must (staff keyed it, and
 * the collector refuses paper from anyone else), a resident's answer never does (anonymous).
 */
export const travelsSignedIn = (response: { mode: string }): boolean => response.mode === "paper";

/**
 * Cuts items, in order, into batches (a new one where `kindOf` changes: see travelsSignedIn) of at most `maxItems` whose JSON body stays within `maxBytes`.
 * An item too big on its own still gets a batch of its own: the endpoint's 413 is the authority
 * that marks it rejected, not a guess made here.
 */
export function planBatches<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  maxItems: number = BATCH_MAX_ITEMS,
  maxBytes: number = BATCH_MAX_BYTES,
  kindOf: (item: T) => string = () => "",
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const item of items) {
    const size = sizeOf(item);
    const added = current.length > 0 ? size + 1 : size; // the comma
    const otherKind = current.length > 0 && kindOf(current[0] as T) !== kindOf(item);
    if (current.length > 0 && (otherKind || current.length >= maxItems || bytes + added > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    bytes += current.length > 0 ? size + 1 : size;
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
