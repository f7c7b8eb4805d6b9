import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface FirstLoad {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** Gzip at level 9, as the build precompresses (vite.config.ts). */
export const gzipBytes = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/**
 * The bytes a respondent's phone fetches for the first question: the page and every script,
 * stylesheet and modulepreload it names, and the app's files a survey's page names for its boot
 * script to load (data-app-modules: src/build/first-screen.tsx). Lazy chunks (dashboard,
 * outbox, sync) come after the first question and are not counted; the survey definition is counted
 * separately by the caller.
 */
export function firstLoad(distDir: string, page = "index.html"): FirstLoad {
  const html = readFileSync(join(distDir, page), "utf8");
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)]
    .filter((m) => /\bsrc=|rel="(?:stylesheet|modulepreload)"/.test(m[0]))
    .map((m) => m[1] ?? "");
  const appModules = /data-app-modules="([^"]*)"/.exec(html)?.[1]?.split(" ") ?? [];
  const local = [...refs, ...appModules].filter((ref) => ref.startsWith("/") && !ref.startsWith("//"));
  const files = [page, ...new Set(local.map((r) => r.slice(1)))];
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
