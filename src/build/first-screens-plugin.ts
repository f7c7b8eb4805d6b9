import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Plugin } from "vite";
import { FIRST_SCREENS_MANIFEST_PATH, type FirstScreensManifest } from "../contract/first-screens";
import { firstScreenPagePath } from "../contract/paths";
import type { SurveyDefinition } from "../domain/definition";
import { LOCALES, type Locale } from "../domain/locales";
import type { FirstScreenPage, InlinedAssets, ReadAsset } from "./first-screen";
import { latestDefinitions } from "./survey-assets";
import { readSurveySources } from "./survey-sources";

/** The survey pages' one script, carried inline: bundled by a build of its own (buildBootScript). */
export const FIRST_SCREEN_BOOT = "src/app/first-screen-boot.ts";

/**
 * The boot script, bundled on its own with what it imports (the survey's flow and checks:
 * respondent/early-questions.ts) into one file in the build's assets, whose path it returns. As an
 * entry of the app's build, what it shares with the app would be chunks of their own, fetched by
 * imports that an inline script cannot make.
 */
async function buildBootScript(root: string, outDir: string): Promise<string> {
  const { build } = await import("vite");
  const built = await build({
    root,
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    build: {
      write: false,
      target: "es2022",
      modulePreload: false,
      rollupOptions: {
        input: resolve(root, FIRST_SCREEN_BOOT),
        output: { entryFileNames: "assets/first-screen-boot-[hash].js" },
      },
    },
  });
  const chunks = (Array.isArray(built) ? built : [built]).flatMap((b) =>
    "output" in b ? b.output.filter((o) => o.type === "chunk") : [],
  );
  const [chunk] = chunks;
  if (chunks.length !== 1 || !chunk || chunk.imports.length > 0 || chunk.dynamicImports.length > 0)
    throw new Error(`${FIRST_SCREEN_BOOT} must bundle into one file that imports nothing`);
  const file = join(outDir, chunk.fileName);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, chunk.code);
  return `/${chunk.fileName}`;
}

/** src/build/first-screen.tsx, loaded through tsx: the app's components, with their JSX. */
interface FirstScreenRenderer {
  renderFirstScreen(def: SurveyDefinition, locale: Locale): Promise<string>;
  firstScreenPage(indexHtml: string, page: FirstScreenPage, inline: InlinedAssets): string;
  inlinedAssets(indexHtml: string, bootScript: string, read: ReadAsset): InlinedAssets;
}

/**
 * Writes each survey's page, one per language, with its first screen drawn in by the app's own
 * components (first-screen.tsx; the collector serves it for /s/<id>). After the bundle is written,
 * so that index.html is final; before the compression (precompress-plugin.ts).
 */
export function firstScreensPlugin(): Plugin {
  let root = process.cwd();
  let outDir: string | undefined;
  return {
    name: "tsunagu-first-screens",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      async handler(_options, bundle) {
        if (!outDir) throw new Error("tsunagu-first-screens: the build's outDir was never resolved");
        // The file a page names for `module`; it must import nothing, or its imports would go
        // unfetched by the page and uncounted by the budget test.
        const standalone = (module: string, what: string) => {
          const chunk = Object.values(bundle).find(
            (c) => c.type === "chunk" && c.facadeModuleId === resolve(root, module),
          );
          if (chunk?.type !== "chunk" || chunk.imports.length > 0)
            throw new Error(`${module} must be ${what} that imports nothing`);
          return `/${chunk.fileName}`;
        };
        const bootScript = await buildBootScript(root, outDir);
        const catalogueChunk = (locale: Locale) =>
          standalone(`src/i18n/catalogues/${locale}.ts`, `the chunk of the messages in ${locale}`);
        const { tsImport } = await import("tsx/esm/api");
        const renderer = (await tsImport(resolve(root, "src/build/first-screen.tsx"), {
          parentURL: import.meta.url,
          // JSX for Preact, in src/build and in the app's components alike: the options every
          // runtime shares (a runtime's tsconfig would apply them to its own folders only).
          tsconfig: resolve(root, "tsconfig.base.json"),
        })) as FirstScreenRenderer;
        const index = readFileSync(join(outDir, "index.html"), "utf8");
        const built = outDir;
        const read: ReadAsset = (path) => readFileSync(join(built, path), "utf8");
        // Read and checked once: every page of the build carries the same two texts.
        const inline = renderer.inlinedAssets(index, bootScript, read);
        const latest = latestDefinitions(readSurveySources());
        for (const def of latest)
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
            writeFileSync(file, renderer.firstScreenPage(index, page, inline));
          }
        // For the collector, which draws the pages of versions published after this build alike.
        const manifest: FirstScreensManifest = {
          bootScript,
          catalogueChunks: Object.fromEntries(LOCALES.map((l) => [l, catalogueChunk(l)])) as Record<
            Locale,
            string
          >,
          built: Object.fromEntries(latest.map((d) => [d.id, d.version])),
          inlineHashes: inline.hashes,
        };
        const manifestFile = join(outDir, FIRST_SCREENS_MANIFEST_PATH);
        mkdirSync(dirname(manifestFile), { recursive: true });
        writeFileSync(manifestFile, JSON.stringify(manifest));
      },
    },
  };
}
