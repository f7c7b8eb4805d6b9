import fc from "fast-check";

/** A request body as an attacker would send it: text or raw bytes, with whatever Content-Type. */
export interface HostileBody {
  what: string;
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string | undefined;
}

/** The keys that pollute a prototype when copied carelessly (`target[key] = value`). */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** An object with `key` as an own, enumerable property, even "__proto__" (which `{}` literals cannot). */
export function withOwnKey(
  base: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const nulString = fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}\u0000`);
const hugeString = fc
  .tuple(fc.integer({ min: 4_001, max: 400_000 }), fc.constantFrom("a", "あ", "\u0000", "😀", "\\"))
  .map(([n, c]) => c.repeat(n));
const pollutingObject = fc
  .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom<unknown>({ polluted: true }, "x", 1, null, []))
  .map(([key, value]) => withOwnKey({}, key, value));
const oddNumber = fc.constantFrom(-0, 2 ** 53 + 1, -1, 0, 1.5, Number.MAX_VALUE, Number.MIN_VALUE, 1e21);
const nested = fc.integer({ min: 2, max: 200 }).map((depth) => {
  let v: unknown = "yes";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const loneSurrogate = fc.constantFrom("\ud800", "a\udfffb", "\udbff\udbff");

/** Any value of a wrong or nasty kind for a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true }), weight: 4 },
  { arbitrary: nulString, weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: pollutingObject, weight: 2 },
  { arbitrary: oddNumber, weight: 1 },
  { arbitrary: nested, weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
  {
    arbitrary: fc.constantFrom(
      "<script>alert(1)</script>",
      "'; DROP TABLE responses; --",
      "=cmd|' /C calc'!A0",
    ),
    weight: 1,
  },
);

/** A valid response for the fixture survey ward-test v2 (tests/server/fixtures). */
export const validResponse = fc.record({
  id: fc.uuid({ version: 7 }),
  surveyId: fc.constant("ward-test"),
  surveyVersion: fc.constant(2),
  submittedAt: fc
    .date({
      min: new Date("2024-04-01T00:00:00Z"),
      max: new Date("2027-03-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  locale: fc.constantFrom("ja", "en", "zh-Hans", "ko", "vi"),
  mode: fc.constantFrom("self", "kiosk"),
  answers: fc.record(
    {
      q_prepared: fc.constantFrom("yes", "no", "dk"),
      q_area: fc.constantFrom("north", "south", "east"),
      q_comment: fc.string({ maxLength: 200 }),
    },
    { requiredKeys: ["q_prepared", "q_area"] },
  ),
});

const FIELDS = [
  "id",
  "surveyId",
  "surveyVersion",
  "submittedAt",
  "locale",
  "mode",
  "eventId",
  "deviceId",
  "answers",
];
const QUESTIONS = ["q_prepared", "q_measures", "q_area", "q_household", "q_comment", "q_nope"];

/** A response with one thing wrong with it (or, now and then, nothing: valid rows must get through too). */
export const mutatedResponse: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validResponse, weight: 2 },
  {
    arbitrary: fc
      .tuple(validResponse, fc.constantFrom(...FIELDS), hostileValue)
      .map(([r, field, v]) => withOwnKey(r, field, v)),
    weight: 5,
  },
  {
    arbitrary: fc
      .tuple(validResponse, fc.constantFrom(...QUESTIONS, ...PROTOTYPE_KEYS), hostileValue)
      .map(([r, q, v]) => ({ ...r, answers: withOwnKey(r.answers, q, v) })),
    weight: 5,
  },
  {
    arbitrary: fc
      .tuple(validResponse, fc.constantFrom(...PROTOTYPE_KEYS), hostileValue)
      .map(([r, key, v]) => withOwnKey(r, key, v)),
    weight: 2,
  },
  { arbitrary: hostileValue, weight: 1 },
);

const jsonBody = (what: string, value: unknown): HostileBody => ({
  what,
  body: JSON.stringify(value) ?? "",
  contentType: "application/json",
});

/** Bodies of POST /responses: well-formed JSON with hostile content, then broken bytes and text. */
export const hostileResponsesBody: fc.Arbitrary<HostileBody> = fc.oneof(
  {
    arbitrary: fc
      .array(mutatedResponse, { minLength: 0, maxLength: 8 })
      .map((responses) => jsonBody("batch of mutated responses", { responses })),
    weight: 10,
  },
  {
    arbitrary: fc
      .tuple(
        fc.array(validResponse, { maxLength: 3 }),
        fc.constantFrom(...PROTOTYPE_KEYS, "extra"),
        hostileValue,
      )
      .map(([responses, key, v]) => jsonBody("envelope with a stray key", withOwnKey({ responses }, key, v))),
    weight: 2,
  },
  { arbitrary: hostileValue.map((v) => jsonBody("hostile envelope", v)), weight: 2 },
  {
    arbitrary: fc
      .integer({ min: 501, max: 2_000 })
      .map((n) => jsonBody("too many items", { responses: Array.from({ length: n }, () => 0) })),
    weight: 1,
  },
  {
    // Nesting far beyond anything a parser should recurse into, inside and outside the envelope.
    arbitrary: fc.tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.boolean()).map(([depth, inside]) => {
      const deep = `${"[".repeat(depth)}${"]".repeat(depth)}`;
      return {
        what: `nesting ${depth} deep`,
        body: inside ? `{"responses":[{"answers":{"q_comment":${deep}}}]}` : deep,
        contentType: "application/json",
      };
    }),
    weight: 1,
  },
  {
    // Valid JSON text with bytes that are not UTF-8 spliced in: lone continuation bytes, overlongs, CESU surrogates.
    arbitrary: fc
      .tuple(
        validResponse,
        fc.constantFrom(
          [0xff],
          [0xc0, 0xaf],
          [0xed, 0xa0, 0x80],
          [0x80],
          [0xf8, 0x88, 0x80, 0x80, 0x80],
          [0x00],
        ),
      )
      .map(([r, bad]) => {
        const text = JSON.stringify({ responses: [{ ...r, answers: { ...r.answers, q_comment: "@@" } }] });
        const [before, after] = text.split("@@") as [string, string];
        const enc = new TextEncoder();
        return {
          what: "invalid UTF-8",
          body: new Uint8Array([...enc.encode(before), ...bad, ...enc.encode(after)]),
          contentType: "application/json",
        };
      }),
    weight: 2,
  },
  {
    // Broken JSON: cut anywhere, or garbage spliced in.
    arbitrary: fc
      .tuple(fc.array(validResponse, { minLength: 1, maxLength: 3 }), fc.nat(), fc.string({ maxLength: 5 }))
      .map(([responses, at, junk]) => {
        const text = JSON.stringify({ responses });
        const cut = at % text.length;
        return { what: "broken JSON", body: text.slice(0, cut) + junk, contentType: "application/json" };
      }),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(
        fc.array(validResponse, { maxLength: 2 }),
        fc.constantFrom(
          undefined,
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/json; charset=latin1",
          "multipart/form-data; boundary=x",
        ),
      )
      .map(([responses, contentType]) => ({
        what: "odd content type",
        body: JSON.stringify({ responses }),
        contentType,
      })),
    weight: 1,
  },
);

/** Bodies of POST /receipts: the same tricks on `{ ids }`. */
export const hostileReceiptsBody: fc.Arbitrary<HostileBody> = fc.oneof(
  fc
    .array(fc.oneof(fc.uuid({ version: 7 }), hostileValue), { maxLength: 8 })
    .map((ids) => jsonBody("ids", { ids })),
  hostileValue.map((v) => jsonBody("hostile envelope", v)),
  fc
    .integer({ min: 1_001, max: 3_000 })
    .map((n) => jsonBody("too many ids", { ids: Array.from({ length: n }, () => "x") })),
);

/**
 * Bodies of POST /imports: a backup whose checksum is right, so that its hostile items reach the
 * per-item checks (made by the caller with writeBackup), or a body that is hostile as a whole.
 */
export const hostileImport: fc.Arbitrary<{ items: { response: unknown; state: string }[] } | HostileBody> =
  fc.oneof(
    {
      arbitrary: fc
        .array(
          fc.record({
            response: mutatedResponse,
            state: fc.constantFrom("pending", "sent", "rejected", "conflict"),
          }),
          {
            maxLength: 8,
          },
        )
        .map((items) => ({ items })),
      weight: 6,
    },
    { arbitrary: hostileResponsesBody, weight: 3 },
    {
      arbitrary: fc
        .tuple(
          fc.array(validResponse, { maxLength: 3 }),
          fc.constantFrom(...PROTOTYPE_KEYS, "format", "version", "checksum", "items"),
          hostileValue,
        )
        .map(([responses, key, v]) =>
          jsonBody(
            "backup with a hostile field",
            withOwnKey(
              {
                format: "tsunagu-backup",
                version: 1,
                createdAt: "2026-11-25T00:00:00.000Z",
                items: responses.map((response) => ({ response, state: "pending" })),
                checksum: `sha256:${"0".repeat(64)}`,
              },
              key,
              v,
            ),
          ),
        ),
      weight: 2,
    },
  );
