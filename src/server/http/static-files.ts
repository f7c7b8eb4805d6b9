import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, MiddlewareHandler } from "hono";
import { accepts } from "hono/accepts";
import { definitionInPath, firstScreenPagePath } from "../../contract/paths";
import { DEFAULT_LOCALE, LOCALES, type Locale, pickLocale } from "../../domain/locales";
import type { SurveyRegistry } from "../surveys";
import { firstScreenPages } from "./first-screen-pages";

/**
 * sw.js and index.html (and every other unhashed file) must be revalidated on each load or an
 * update never arrives; Vite's hashed files under /assets/ never change, so they are cached for good.
 */
function cacheControl(requestPath: string): string {
  return requestPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
}

/** serveStatic answers a found file with its Response and a missing one by calling next(). */
function withCacheControl(serve: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    const res = await serve(c, next);
    if (res instanceof Response) res.headers.set("Cache-Control", cacheControl(c.req.path));
    return res;
  };
}

const isLocale = (value: string | undefined): value is Locale =>
  (LOCALES as readonly (string | undefined)[]).includes(value);

const SURVEY_PAGE = /^\/s\/([a-z0-9][a-z0-9-]{0,63})\/?$/;

/**
 * A respondent's page needs its survey's definition before the first question: named in a Link
 * preload header, the browser fetches it while the app's scripts are still compiling, instead of
 * after (a round trip the slow phone's busy main thread made long: bench/RESULTS.md, first
 * question). The file is the one-language one the app will ask for on a first visit: the language
 * it picks from the same browser languages (pickLocale). Only for a definition that exists, so no
 * request path is ever echoed into a header.
 */
function definitionPreload(root: string, id: string, locale: Locale, published: boolean) {
  const file = definitionInPath(id, locale);
  if (!published && !existsSync(join(root, file))) return undefined;
  return `</${file}>; rel=preload; as=fetch; crossorigin`;
}

/** The language the app will pick on a first visit, from the same browser languages (pickLocale). */
function firstVisitLocale(c: Context): Locale {
  return accepts(c, {
    header: "Accept-Language",
    supports: [...LOCALES],
    default: DEFAULT_LOCALE,
    // The browser's languages, most wanted first (a stable sort keeps the header's order on ties).
    match: (languages) =>
      pickLocale(
        languages
          .filter((l) => l.q > 0 && l.type !== "*")
          .sort((x, y) => y.q - x.q)
          .map((l) => l.type),
      ),
  }) as Locale;
}

/**
 * Whether a .br or .gz twin of the file at `path` is older than the file: the file was changed after
 * the build (a hand edit, a partial copy), and the twin would serve the old content in its place.
 */
function hasStaleTwin(root: string, path: string): boolean {
  // serveStatic refuses such paths itself; they are never looked up here.
  if (path.includes("..") || path.includes("%") || path.includes("\\")) return false;
  const file = join(root, path);
  const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (modified === undefined) return false;
  return [".br", ".gz"].some((ext) => {
    const twin = statSync(`${file}${ext}`, { throwIfNoEntry: false })?.mtimeMs;
    return twin !== undefined && twin < modified;
  });
}

/**
 * Files from `root`, then for any other GET outside /api (client-side routes) a page: a survey's own,
 * with its first screen drawn in, in the browser's language (s/<id>/<locale>.html, written by the
 * build), where there is one, else index.html. A file the build wrote beside its .br or .gz twin
 * (vite.config.ts, precompress) is served as that twin when the browser accepts it: compressed once
 * at build time at the highest level, not on every request.
 * A twin older than its file is passed over (the file is then compressed on the way, app.ts).
 */
export function staticFiles(
  root: string,
  /**
   * The published versions (the collector's registry): a survey whose latest version is not the
   * one the build drew gets its page drawn at run time (first-screen-pages.ts).
   */
  surveys?: Pick<SurveyRegistry, "latestOf" | "refresh">,
  log: (line: string) => void = console.log,
): MiddlewareHandler[] {
  const index = join(root, "index.html");
  const drawnLater = firstScreenPages(root, log);
  const compressed = serveStatic({ root, precompressed: true });
  const plain = serveStatic({ root });
  const files = withCacheControl((c, next) => (hasStaleTwin(root, c.req.path) ? plain : compressed)(c, next));
  // A page's handlers, made once: its precompressed twins, and the file alone for when they are stale.
  const pages = new Map<string, { compressed: MiddlewareHandler; plain: MiddlewareHandler }>();
  const page = (path: string): MiddlewareHandler => {
    let serve = pages.get(path);
    if (!serve) {
      const file = join(root, path);
      serve = {
        compressed: withCacheControl(serveStatic({ path: file, precompressed: true })),
        plain: withCacheControl(serveStatic({ path: file })),
      };
      pages.set(path, serve);
    }
    return hasStaleTwin(root, `/${path}`) ? serve.plain : serve.compressed;
  };
  const fallback: MiddlewareHandler = async (c, next) => {
    // A missing /assets/ file or a path with an extension is a real 404, not a page of the app.
    const path = c.req.path;
    if (path.startsWith("/api/") || path.startsWith("/assets/") || /\.[a-z0-9]+$/i.test(path)) return next();
    if (!existsSync(index)) return next();
    const id = SURVEY_PAGE.exec(path)?.[1];
    if (!id) return page("index.html")(c, next);
    c.header("Vary", "Accept-Language", { append: true });
    // ?lang= is where the HTML's own language switch leads before the app runs (first-screen-boot.ts):
    // the same page, drawn in the language chosen, whatever the browser asks for.
    const asked = c.req.query("lang");
    const locale = isLocale(asked) ? asked : firstVisitLocale(c);
    await surveys?.refresh?.();
    const latest = surveys?.latestOf(id);
    const preload = definitionPreload(root, id, locale, latest !== undefined);
    if (preload) c.header("Link", preload);
    // A version published after the build: its page drawn now, as the build would have drawn it.
    if (latest && latest.version !== drawnLater.builtVersion(id)) {
      const html = await drawnLater.page(latest, locale);
      if (html) {
        c.header("Cache-Control", "no-cache");
        return c.html(html);
      }
    }
    // The survey's page with its first screen drawn in (vite.config.ts), where the build made one.
    const drawn = firstScreenPagePath(id, locale);
    return (existsSync(join(root, drawn)) ? page(drawn) : page("index.html"))(c, next);
  };
  return [files, fallback];
}
