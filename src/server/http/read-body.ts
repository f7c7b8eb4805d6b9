import type { Context } from "hono";
import { z } from "zod";
import { describeProblems, problemsOf } from "../../domain/issues";
import { HttpProblem } from "./problems";

/** What a JSON body must be: its byte limit, its schema, and how the 400 names what was expected. */
export interface BodySpec<T> {
  maxBytes: number;
  /** Any zod schema, classic or mini: it is checked through z.safeParse. */
  schema: z.core.$ZodType<T>;
  /** Named in invalid_body's message: `expected ${what}: …`. */
  what: string;
  /**
   * An array field whose length is checked before the schema: more than `max` is 413 too_many_items,
   * "too large" and not "malformed", so a device halves its batch and retries.
   */
  items?: { field: string; max: number; noun: string };
}

/**
 * The one reader of a JSON request body: application/json (415), at most `maxBytes` (413), valid
 * JSON (400 malformed_json), not too many items (413 too_many_items), then checked by its schema
 * (400 invalid_body naming every field and why).
 */
export async function readBody<T>(c: Context, spec: BodySpec<T>): Promise<T> {
  const body = await readJson(c, spec.maxBytes);
  if (spec.items) {
    const { field, max, noun } = spec.items;
    const items = (body as Record<string, unknown> | null)?.[field];
    if (Array.isArray(items) && items.length > max)
      throw new HttpProblem("too_many_items", `at most ${max} ${noun} a request, not ${items.length}`);
  }
  const parsed = z.safeParse(spec.schema, body);
  if (parsed.success) return parsed.data;
  const problems = problemsOf(parsed.error);
  throw new HttpProblem("invalid_body", `expected ${spec.what}: ${describeProblems(problems)}`, problems);
}

/**
 * The request body as JSON, read at most `maxBytes` deep, unchecked (sign-in reads it so, since a
 * body that is not { token } is a wrong guess, not a malformed request). Content-Length is checked
 * first to refuse early, and the bytes actually read are counted too, since a chunked body has no
 * length and a declared one may lie. The body must say it is JSON (the contract: `Content-Type:
 * application/json`, else 415): a body without a type was parsed as JSON, and a browser sends a
 * cross-site form or a no-cors fetch with text/plain or no type, never application/json, without
 * a preflight.
 */
export async function readJson(c: Context, maxBytes: number): Promise<unknown> {
  const type = c.req.header("Content-Type");
  if (type === undefined || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type))
    throw new HttpProblem(
      "unsupported_media_type",
      type === undefined
        ? "send the body as JSON with Content-Type: application/json"
        : `send application/json, not ${type}`,
    );
  const text = await readTextLimited(c, maxBytes);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpProblem("malformed_json", `the body is not valid JSON: ${(e as Error).message}`);
  }
}

/** The request body as text, read at most `maxBytes` deep (413 beyond), whatever its type. */
export async function readTextLimited(c: Context, maxBytes: number): Promise<string> {
  const declared = Number(c.req.header("Content-Length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  return new TextDecoder("utf-8", { fatal: false }).decode(await readBytes(c.req.raw.body, maxBytes));
}

/** The request body as bytes (an uploaded file), read at most `maxBytes` deep (413 beyond). */
export async function readBytesLimited(c: Context, maxBytes: number): Promise<Buffer> {
  const declared = Number(c.req.header("Content-Length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  return await readBytes(c.req.raw.body, maxBytes);
}

async function readBytes(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem("body_too_large", `the body is larger than ${maxBytes} bytes`);
}
