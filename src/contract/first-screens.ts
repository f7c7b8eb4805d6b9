import "../domain/zod-config";
import { z } from "zod/mini";
import { LOCALES } from "../domain/locales";

/** Where the build says how it drew the survey pages (src/build/first-screens-plugin.ts). */
export const FIRST_SCREENS_MANIFEST_PATH = "s/first-screens.json";

/**
 * What the collector needs to draw a survey's page as the build does, for a version published after
 * the build (src/server/http/first-screen-pages.ts): the page's one script, each language's chunk
 * of messages, and the version of each survey the built pages show.
 */
export const FirstScreensManifest = z.strictObject({
  bootScript: z.string(),
  catalogueChunks: z.record(z.enum(LOCALES), z.string()),
  built: z.record(z.string(), z.number().check(z.int(), z.gte(1))),
  /**
   * The Content-Security-Policy's hashes ('sha256-…') of the boot script and the stylesheet the pages
   * carry inline (src/build/first-screen.tsx, inlinedAssets): the collector allows these two and no
   * other inline code.
   */
  inlineHashes: z.strictObject({
    script: z.string().check(z.regex(/^'sha256-[A-Za-z0-9+/]{43}='$/)),
    style: z.string().check(z.regex(/^'sha256-[A-Za-z0-9+/]{43}='$/)),
  }),
});
export type FirstScreensManifest = z.infer<typeof FirstScreensManifest>;
