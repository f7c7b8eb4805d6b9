import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import type { FirstScreenPage } from "./src/app/build/first-screen";
import {
  latestDefinitions,
  type SurveyAsset,
  type SurveySource,
  surveyAssets,
} from "./src/app/build/survey-assets";
import { firstScreenPagePath } from "./src/contract/paths";
import type { SurveyDefinition } from "./src/domain/definition";
import { LOCALES, type Locale } from "./src/domain/locales";

const SURVEYS_DIR = "surveys";

function readSurveySources(): SurveySource[] {
  return readdirSync(SURVEYS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: join(SURVEYS_DIR, f), text: readFileSync(join(SURVEYS_DIR, f), "utf8") }));
}

const readSurveyAssets = (): SurveyAsset[] => surveyAssets(readSurveySources());

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

/** src/app/build/first-screen.tsx, loaded through tsx: the app's components, with their JSX. */
interface FirstScreenRenderer {
  renderFirstScreen(def: SurveyDefinition, locale: Locale): Promise<string>;
  firstScreenPage(indexHtml: string, page: FirstScreenPage): string;
}

/** The survey pages' one script (src/app/first-screen-boot.ts): an entry of its own, importing nothing. */
const FIRST_SCREEN_BOOT = "src/app/first-screen-boot.ts";

/**
 * Writes each survey's page, one per language, with its first screen drawn in by the app's own
 * components (src/app/build/first-screen.tsx; the collector serves it for /s/<id>). After the
 * bundle is written, so that index.html is final; before the compression below.
 */
function firstScreensPlugin(outDir: string): Plugin {
  return {
    name: "tsunagu-first-screens",
    apply: "build",
    writeBundle: {
      sequential: true,
      async handler(_options, bundle) {
        // The file a page names for `module`; it must import nothing, or its imports would go
        // unfetched by the page and uncounted by the budget test.
        const standalone = (module: string, what: string) => {
          const chunk = Object.values(bundle).find(
            (c) => c.type === "chunk" && c.facadeModuleId === resolve(module),
          );
          if (chunk?.type !== "chunk" || chunk.imports.length > 0)
            throw new Error(`${module} must be ${what} that imports nothing`);
          return `/${chunk.fileName}`;
        };
        const bootScript = standalone(FIRST_SCREEN_BOOT, "an entry of the build");
        const catalogueChunk = (locale: Locale) =>
          standalone(`src/i18n/catalogues/${locale}.ts`, `the chunk of the messages in ${locale}`);
        const { tsImport } = await import("tsx/esm/api");
        const renderer = (await tsImport(resolve("src/app/build/first-screen.tsx"), {
          parentURL: import.meta.url,
          // The app's compiler options: JSX for Preact.
          tsconfig: "tsconfig.app.json",
        })) as FirstScreenRenderer;
        const index = readFileSync(join(outDir, "index.html"), "utf8");
        for (const def of latestDefinitions(readSurveySources()))
          for (const locale of LOCALES) {
            const file = join(outDir, firstScreenPagePath(def.id, locale));
            const markup = await renderer.renderFirstScreen(def, locale);
            mkdirSync(dirname(file), { recursive: true });
            const page: FirstScreenPage = {
              surveyId: def.id,
              locale,
              markup,
              bootScript,
              catalogueChunk: catalogueChunk(locale),
            };
            writeFileSync(file, renderer.firstScreenPage(index, page));
          }
      },
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
        // The survey pages with their first screen drawn in are for a first visit over the network;
        // offline, every page is index.html (sw.ts).
        globIgnores: ["s/**"],
      },
    }),
    firstScreensPlugin(OUT_DIR),
    precompressPlugin(OUT_DIR),
  ],
  build: {
    outDir: OUT_DIR,
    target: "es2022",
    rollupOptions: { input: { index: "index.html", "first-screen-boot": FIRST_SCREEN_BOOT } },
  },
});
