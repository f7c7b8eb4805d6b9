import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { type SurveyAsset, surveyAssets } from "./src/app/build/survey-assets";

const SURVEYS_DIR = "surveys";

function readSurveyAssets(): SurveyAsset[] {
  const files = readdirSync(SURVEYS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return surveyAssets(
    files.map((f) => ({ file: join(SURVEYS_DIR, f), text: readFileSync(join(SURVEYS_DIR, f), "utf8") })),
  );
}

/**
 * Publishes surveys/*.json as /surveys/<id>.json and /surveys/index.json: emitted into the build (so
 * the service worker precaches them and the form works offline) and served by `vite dev`. An invalid
 * definition fails the build, naming the file and the path of each problem.
 */
function surveysPlugin(): Plugin {
  return {
    name: "tsunagu-surveys",
    buildStart() {
      for (const f of readdirSync(SURVEYS_DIR)) this.addWatchFile(join(SURVEYS_DIR, f));
    },
    generateBundle() {
      for (const asset of readSurveyAssets())
        this.emitFile({ type: "asset", fileName: asset.fileName, source: asset.json });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split("?")[0];
        if (!path?.startsWith("/surveys/")) return next();
        try {
          const asset = readSurveyAssets().find((a) => `/${a.fileName}` === path);
          if (!asset) return next();
          res.setHeader("Content-Type", "application/json; charset=utf-8");
          res.end(asset.json);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

/** What the collector serves compressed: text, not the PNGs (already compressed). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|webmanifest|svg|txt)$/;

/**
 * Writes a .br and a .gz beside every compressible file of the build, at the highest levels, for
 * the collector to serve as they are (src/server/static-files.ts): compressing once here instead of
 * on every request, and smaller than a server's on-the-fly level. Last of all, so that sw.js and
 * the index.html the PWA plugin changed are compressed as they are finally written.
 */
function precompressPlugin(outDir: string): Plugin {
  return {
    name: "tsunagu-precompress",
    apply: "build",
    closeBundle: {
      order: "post",
      sequential: true,
      handler() {
        for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
          const file = join(entry.parentPath, entry.name);
          const bytes = readFileSync(file);
          writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
          writeFileSync(
            `${file}.br`,
            brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }
      },
    },
  };
}

const OUT_DIR = "dist";

export default defineConfig({
  plugins: [
    preact(),
    surveysPlugin(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      registerType: "prompt",
      // The app registers /sw.js itself with workbox-window, so that it decides when to offer a reload.
      injectRegister: false,
      manifest: {
        name: "つなぐ 区民アンケート",
        short_name: "つなぐ",
        description: "区民アンケートにオフラインでも回答できるアプリ",
        lang: "ja",
        dir: "ltr",
        // A stable identity: the installed app stays the same app if start_url ever changes.
        id: "/",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#0b5d8f",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      injectManifest: {
        // The app shell and the survey definitions: what the form needs to open with no network.
        globPatterns: ["**/*.{js,css,html,png,webmanifest}", "surveys/*.json"],
      },
    }),
    precompressPlugin(OUT_DIR),
  ],
  build: { outDir: OUT_DIR, target: "es2022" },
});
