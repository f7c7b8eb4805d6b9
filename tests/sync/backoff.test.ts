import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_HIDDEN_MS,
  BACKOFF_CAP_VISIBLE_MS,
  BACKOFF_MIN_MS,
  backoffDelay,
  parseRetryAfter,
  RETRY_AFTER_MAX_MS,
  retryDelay,
} from "../../src/sync";

describe("backoffDelay", () => {
  it("draws uniformly below base·2^attempt (full jitter)", () => {
    expect(backoffDelay(0, () => 0.5)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(1, () => 0.5)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(3, () => 0.25)).toBe(BACKOFF_BASE_MS * 2);
    expect(backoffDelay(2, () => 0.999)).toBe(Math.floor(0.999 * BACKOFF_BASE_MS * 4));
  });

  it("is capped at about a minute while visible and more when hidden", () => {
    expect(BACKOFF_CAP_VISIBLE_MS).toBe(60_000);
    expect(backoffDelay(20, () => 0.999999)).toBeLessThan(BACKOFF_CAP_VISIBLE_MS);
    expect(backoffDelay(20, () => 0.999999)).toBeGreaterThan(BACKOFF_CAP_VISIBLE_MS - 100);
    expect(backoffDelay(20, () => 0.5, BACKOFF_CAP_HIDDEN_MS)).toBe(BACKOFF_CAP_HIDDEN_MS / 2);
  });

  it("never goes below the floor, even when the draw is 0", () => {
    expect(backoffDelay(0, () => 0)).toBe(BACKOFF_MIN_MS);
  });

  it("stays within [floor, min(cap, base·2^attempt)) for any attempt and draw", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const d = backoffDelay(n, () => r);
        const ceiling = Math.min(BACKOFF_CAP_VISIBLE_MS, BACKOFF_BASE_MS * 2 ** Math.max(n, 0));
        return Number.isInteger(d) && d >= BACKOFF_MIN_MS && d <= Math.max(BACKOFF_MIN_MS, ceiling - 1);
      }),
    );
  });

  it("spreads devices out: different draws give different delays", () => {
    const delays = [0.1, 0.4, 0.7].map((r) => backoffDelay(4, () => r));
    expect(new Set(delays).size).toBe(3);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-11-25T01:00:00Z");

  it("reads delta-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP date relative to now, and a past date as now", () => {
    expect(parseRetryAfter("Tue, 25 Nov 2025 01:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 25 Nov 2025 00:00:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    for (const value of [null, undefined, "", "soon", "-5", "1.5"])
      expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe("retryDelay", () => {
  it("prefers the server's Retry-After, bounded, over the backoff", () => {
    expect(retryDelay(0, () => 0.5, BACKOFF_CAP_VISIBLE_MS, 7_000)).toBe(7_000);
    expect(retryDelay(0, () => 0.5, BACKOFF_CAP_VISIBLE_MS, 0)).toBe(BACKOFF_MIN_MS);
    expect(retryDelay(0, () => 0.5, BACKOFF_CAP_VISIBLE_MS, 86_400_000)).toBe(RETRY_AFTER_MAX_MS);
    expect(retryDelay(1, () => 0.5, BACKOFF_CAP_VISIBLE_MS)).toBe(BACKOFF_BASE_MS);
  });
});
