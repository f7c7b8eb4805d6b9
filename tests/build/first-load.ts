import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface FirstLoad {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * The bytes a respondent's phone fetches before the first question: index.html and every script,
 * stylesheet and modulepreload it names. Lazy chunks (dashboard, outbox, sync) come after the
 * first paint and are not counted; the survey definition is counted separately by the caller.
 */
/** Gzip at level 9, as the build precompresses (vite.config.ts). */
export const gzipBytes = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

export function firstLoad(distDir: string): FirstLoad {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)]
    .filter((m) => /\bsrc=|rel="(?:stylesheet|modulepreload)"/.test(m[0]))
    .map((m) => m[1] ?? "")
    .filter((ref) => ref.startsWith("/") && !ref.startsWith("//"));
  const files = ["index.html", ...new Set(refs.map((r) => r.slice(1)))];
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file));
    raw += bytes.length;
    gzip += gzipBytes(bytes);
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files, raw, gzip, brotli };
}
