import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "../../src/domain/canonical-json";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import { contentHashOf } from "../../src/server/responses/content-hash";

const response: Response = {
  id: uuidv7(),
  surveyId: "ward-test",
  surveyVersion: 1,
  submittedAt: "2026-06-01T09:00:00.000Z",
  locale: "ja",
  mode: "self",
  answers: { q_area: "north", q_channels: ["web", "paper"], q_age: 41, q_note: "防災 ✓" },
};

describe("the content hash the collector stores", () => {
  it("is the digest WebCrypto gives for the canonical JSON, so hashes stored before still match", async () => {
    expect(contentHashOf(response)).toBe(await sha256Hex(canonicalJson(response)));
    expect(contentHashOf(response)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores key order and changes with any answer", () => {
    const reordered = {
      ...response,
      answers: { q_note: "防災 ✓", q_age: 41, q_channels: ["web", "paper"], q_area: "north" },
    };
    expect(contentHashOf(reordered)).toBe(contentHashOf(response));
    expect(contentHashOf({ ...response, answers: { ...response.answers, q_age: 42 } })).not.toBe(
      contentHashOf(response),
    );
    expect(
      contentHashOf({ ...response, answers: { ...response.answers, q_channels: ["paper", "web"] } }),
    ).not.toBe(contentHashOf(response));
  });
});
