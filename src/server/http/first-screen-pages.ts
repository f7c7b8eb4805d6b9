import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIRST_SCREENS_MANIFEST_PATH, FirstScreensManifest } from "../../contract/first-screens";
import type { SurveyDefinition } from "../../domain/definition";
import type { Locale } from "../../domain/locales";

/**
 * What a page carries inline (the build's InlinedAssets): the collector passes it from
 * inlinedAssets to firstScreenPage untouched, and the server's room imports nothing of src/build.
 */
type Inlined = unknown;

/** The build's renderer (src/build/first-screen.tsx), the one the build draws the pages with. */
interface FirstScreenRenderer {
  renderFirstScreen(def: SurveyDefinition, locale: Locale): Promise<string>;
  firstScreenPage(
    indexHtml: string,
    page: {
      surveyId: string;
      locale: Locale;
      markup: string;
      bootScript: string;
      catalogueChunk: string;
    },
    inline: Inlined,
  ): string;
  inlinedAssets(indexHtml: string, bootScript: string, read: (path: string) => string): Inlined;
}

// Loaded through tsx as the build plugin loads it, with the options that compile its JSX for
// Preact: the collector runs the app's own components only here, never through an import of its
// own, so the server's room still imports only domain and contract (tests/architecture).
const RENDERER = fileURLToPath(new URL("../../build/first-screen.tsx", import.meta.url));
const TSCONFIG = fileURLToPath(new URL("../../../tsconfig.base.json", import.meta.url));

async function loadRenderer(): Promise<FirstScreenRenderer> {
  const { tsImport } = await import("tsx/esm/api");
  return (await tsImport(RENDERER, {
    parentURL: import.meta.url,
    tsconfig: TSCONFIG,
  })) as FirstScreenRenderer;
}

/**
 * The build's manifest of its survey pages in `root`; undefined without one (a build before it) or
 * where it is not the build's (logged).
 */
export function readFirstScreensManifest(
  root: string,
  log: (line: string) => void,
): FirstScreensManifest | undefined {
  const manifestFile = join(root, FIRST_SCREENS_MANIFEST_PATH);
  if (!existsSync(manifestFile)) return undefined;
  const parsed = FirstScreensManifest.safeParse(JSON.parse(readFileSync(manifestFile, "utf8")));
  if (parsed.success) return parsed.data;
  log(`${manifestFile} is not the build's manifest: pages of published versions are not drawn`);
  return undefined;
}

export interface FirstScreenPages {
  /** The version of `surveyId` whose pages the build drew, if it drew any. */
  builtVersion(surveyId: string): number | undefined;
  /** `def`'s page in `locale`, drawn as the build draws it; undefined where that cannot be done. */
  page(def: SurveyDefinition, locale: Locale): Promise<string | undefined>;
}

/**
 * The survey pages of versions published after the build (issue 20): the same page the build
 * writes (index.html with the first screen drawn in by the app's components, the boot script and
 * the language's messages), drawn once per version and language and kept, as a published version
 * never changes. Without the build's manifest (a build before it), none is drawn and the app's
 * index.html serves, as before.
 */
export function firstScreenPages(
  root: string,
  log: (line: string) => void,
  loadRendererOf: () => Promise<FirstScreenRenderer> = loadRenderer,
): FirstScreenPages {
  const manifest = readFirstScreensManifest(root, log);
  let renderer: Promise<FirstScreenRenderer> | undefined;
  const pages = new Map<string, Promise<string | undefined>>();
  // One drawing at a time: the renderer switches the app's one translator (src/i18n) to the page's language.
  let queue: Promise<unknown> = Promise.resolve();
  const draw = (def: SurveyDefinition, locale: Locale, m: FirstScreensManifest) => {
    const drawn = queue.then(async () => {
      renderer ??= loadRendererOf();
      const r = await renderer;
      const markup = await r.renderFirstScreen(def, locale);
      const index = readFileSync(join(root, "index.html"), "utf8");
      return r.firstScreenPage(
        index,
        {
          surveyId: def.id,
          locale,
          markup,
          bootScript: m.bootScript,
          catalogueChunk: m.catalogueChunks[locale],
        },
        r.inlinedAssets(index, m.bootScript, (path) => readFileSync(join(root, path), "utf8")),
      );
    });
    queue = drawn.catch(() => undefined);
    return drawn;
  };
  return {
    builtVersion: (surveyId) => manifest?.built[surveyId],
    page(def, locale) {
      if (!manifest) return Promise.resolve(undefined);
      const key = `${def.id}@${def.version}:${locale}`;
      let page = pages.get(key);
      if (!page) {
        page = draw(def, locale, manifest).catch((error: unknown) => {
          // The app's index.html still serves the survey; the next request tries again.
          log(`first screen of ${key} not drawn: ${(error as Error).message}`);
          pages.delete(key);
          return undefined;
        });
        pages.set(key, page);
      }
      return page;
    },
  };
}
