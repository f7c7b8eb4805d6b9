import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress } from "../../src/server/http/client-address";
import { DEFAULT_RATE_LIMIT, rateLimit, tokenBuckets } from "../../src/server/http/rate-limit";

function manualClock(start = 0) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe("tokenBuckets", () => {
  it("grants the burst at once, then one token per 1/perSecond, per key", () => {
    const clock = manualClock();
    const buckets = tokenBuckets({ burst: 3, perSecond: 2, now: clock.now });
    expect([1, 2, 3].map(() => buckets.take("a"))).toEqual([0, 0, 0]);
    expect(buckets.take("a")).toBe(500); // the 4th waits half a second for its token
    expect(buckets.take("b")).toBe(0); // another address has its own bucket
    clock.advance(499);
    expect(buckets.take("a")).toBeGreaterThan(0);
    clock.advance(1);
    expect(buckets.take("a")).toBe(0);
    clock.advance(60_000); // refills to the burst, never beyond
    expect([1, 2, 3].map(() => buckets.take("a"))).toEqual([0, 0, 0]);
    expect(buckets.take("a")).toBeGreaterThan(0);
  });

  it("does not grant a refused request's token to anyone", () => {
    const clock = manualClock();
    const buckets = tokenBuckets({ burst: 1, perSecond: 1, now: clock.now });
    expect(buckets.take("a")).toBe(0);
    for (let i = 0; i < 10; i++) expect(buckets.take("a")).toBe(1000);
  });

  it("lets the default burst carry a 12,000-response kiosk backlog in batches of 100 without a 429", () => {
    const buckets = tokenBuckets({ ...DEFAULT_RATE_LIMIT, now: () => 0 });
    const waits = Array.from({ length: 12_000 / 100 }, () => buckets.take("kiosk"));
    expect(waits.every((w) => w === 0)).toBe(true);
    expect(buckets.take("kiosk")).toBeGreaterThan(0);
  });

  it("refuses nonsense settings", () => {
    expect(() => tokenBuckets({ burst: 0, perSecond: 1 })).toThrow(/burst/);
    expect(() => tokenBuckets({ burst: 5, perSecond: 0 })).toThrow(/perSecond/);
  });
});

describe("rateLimit middleware", () => {
  const app = (address: string | undefined, now: () => number) =>
    new Hono()
      .use(
        "*",
        rateLimit({ burst: 2, perSecond: 0.25, now }, () => address),
      )
      .get("/", (c) => c.text("ok"));

  it("answers 429 with a whole-second Retry-After and the rate_limited code", async () => {
    const clock = manualClock();
    const limited = app("198.51.100.7", clock.now);
    expect((await limited.request("/")).status).toBe(200);
    expect((await limited.request("/")).status).toBe(200);
    const refused = await limited.request("/");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("4");
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    clock.advance(4000);
    expect((await limited.request("/")).status).toBe(200);
  });

  it("does not limit a request whose address is unknown", async () => {
    const unlimited = app(undefined, () => 0);
    for (let i = 0; i < 5; i++) expect((await unlimited.request("/")).status).toBe(200);
  });
});

describe("clientAddress", () => {
  const seen = async (hops: number, xff?: string) => {
    const app = new Hono().get("/", (c) => c.text(clientAddress(hops)(c) ?? "unknown"));
    return await (await app.request("/", { headers: xff ? { "X-Forwarded-For": xff } : {} })).text();
  };

  it("ignores X-Forwarded-For unless proxies are trusted, then reads it from the right", async () => {
    expect(await seen(0, "203.0.113.9")).toBe("unknown"); // no socket in app.request
    expect(await seen(1, "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await seen(2, "6.6.6.6, 203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
  });
});
