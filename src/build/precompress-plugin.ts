import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** What the collector serves compressed: text, not the PNGs (already compressed). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|webmanifest|svg|txt)$/;

/** Writes a .gz and a .br beside every compressible file under `dir`, at the highest levels. */
export function precompressDir(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

/**
 * Compresses the build's output for the collector to serve as it is (src/server/http/static-files.ts):
 * once here instead of on every request, and smaller than a server's on-the-fly level. Last of all,
 * so that sw.js and the index.html the PWA plugin changed are compressed as they are finally
 * written. The directory is the resolved outDir, so `vite build --outDir elsewhere` works.
 */
export function precompressPlugin(): Plugin {
  let outDir: string | undefined;
  return {
    name: "tsunagu-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "post",
      sequential: true,
      handler() {
        if (!outDir) throw new Error("tsunagu-precompress: the build's outDir was never resolved");
        precompressDir(outDir);
      },
    },
  };
}
