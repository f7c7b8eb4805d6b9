import { createHash } from "node:crypto";
import { canonicalJson } from "../../domain/canonical-json";
import type { Response } from "../../domain/response";

/**
 * What the collector stores to tell a resend (same content: duplicate) from a clash (other content
 * under the same id: conflict). The digest is the one sha256Hex gives in the browser, computed with
 * node:crypto in one synchronous call: WebCrypto's digest is a thread-pool job per call, and at 100
 * a batch it was the collector's largest cost after the database itself (bench/RESULTS.md, ingest).
 */
export function contentHashOf(response: Response): string {
  return createHash("sha256").update(canonicalJson(response)).digest("hex");
}
