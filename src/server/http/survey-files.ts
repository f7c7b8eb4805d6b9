import type { MiddlewareHandler } from "hono";
import { sha256Hex } from "../../domain/canonical-json";
import { definitionIn } from "../../domain/definition-in";
import { LOCALES, type Locale } from "../../domain/locales";
import type { SurveyRegistry } from "../surveys";

const FILE = /^\/surveys\/([a-z0-9][a-z0-9-]{0,63})(?:\.([A-Za-z-]+))?\.json$/;

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

interface Answer {
  json: string;
  etag: string;
}

/**
 * /surveys/index.json, /surveys/<id>.json and /surveys/<id>.<locale>.json answered from the
 * registry's latest versions, in the shapes the build writes them (src/build/survey-assets.ts), so a
 * version published at run time is served without a rebuild and wins over the built file. The
 * ETag is the content's SHA-256: a device revalidates (no-cache) and gets 304 until a new version.
 * A survey the registry does not have falls through to the built files.
 */
export function surveyFiles(
  surveys: Pick<SurveyRegistry, "latest" | "latestOf" | "summaries" | "refresh">,
): MiddlewareHandler {
  // By id, version and locale: a published version never changes, so its text and hash are kept.
  const made = new Map<string, Answer>();
  const answerOf = async (key: string, value: () => unknown): Promise<Answer> => {
    let answer = made.get(key);
    if (!answer) {
      const json = JSON.stringify(value());
      answer = { json, etag: `"${(await sha256Hex(json)).slice(0, 32)}"` };
      made.set(key, answer);
    }
    return answer;
  };
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const path = c.req.path;
    let answer: Answer | undefined;
    if (path === "/surveys/index.json") {
      await surveys.refresh?.();
      const versions = surveys
        .latest()
        .map((d) => `${d.id}@${d.version}`)
        .join(",");
      answer = await answerOf(`index:${versions}`, () => surveys.summaries());
    } else {
      const match = FILE.exec(path);
      const [, id, locale] = match ?? [];
      if (!id || (locale !== undefined && !isLocale(locale))) return next();
      await surveys.refresh?.();
      const def = surveys.latestOf(id);
      if (!def) return next();
      answer = await answerOf(`${id}@${def.version}:${locale ?? "all"}`, () =>
        locale === undefined ? def : definitionIn(def, locale),
      );
    }
    c.header("ETag", answer.etag);
    c.header("Cache-Control", "no-cache");
    c.header("Vary", "Accept-Encoding", { append: true });
    const sent = c.req.header("If-None-Match");
    if (sent?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === answer.etag))
      return c.body(null, 304);
    c.header("Content-Type", "application/json; charset=utf-8");
    return c.body(answer.json);
  };
}
