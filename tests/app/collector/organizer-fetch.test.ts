import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../../../src/app/device/settings", () => ({ readEndpoint: async () => "https://c.example/api/v1" }));
const { ApiError, UnauthorizedError } = await import("../../../src/app/collector/organizer-fetch");
const { fetchPopulation } = await import("../../../src/app/collector/dashboard-api");
const { createEvent, listEvents } = await import("../../../src/app/collector/events-api");

const refusal = {
  error: {
    code: "invalid_body",
    message: "the event is not valid",
    problems: [{ path: "name", message: "too long", code: "too_big" }],
  },
};

let calls: { url: string; init: RequestInit }[] = [];
const answerWith = (status: number, body: unknown) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    }),
  );

beforeEach(() => {
  calls = [];
});
afterEach(() => vi.unstubAllGlobals());

describe("the organizer requests share one fetch", () => {
  it("keeps the collector's problems on a refused event, as on a refused population file", async () => {
    answerWith(400, refusal);
    const event = await createEvent({ surveyId: "s", name: "x".repeat(300) } as never).catch(
      (e: unknown) => e,
    );
    const population = await fetchPopulation("s", 2025).catch((e: unknown) => e);
    for (const error of [event, population]) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: "invalid_body", status: 400, problems: refusal.error.problems });
    }
  });

  it("throws UnauthorizedError on 401 and 403", async () => {
    answerWith(403, refusal);
    await expect(listEvents("s")).rejects.toBeInstanceOf(UnauthorizedError);
    answerWith(401, {});
    await expect(fetchPopulation("s", 2025)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("sends JSON with its type and the session cookie, and asks events past any cache", async () => {
    answerWith(201, { id: "e", surveyId: "s", name: "n" });
    await createEvent({ surveyId: "s", name: "n" } as never).catch(() => undefined);
    const [{ url, init }] = calls as [{ url: string; init: RequestInit }];
    expect(url).toBe("https://c.example/api/v1/events");
    expect(init).toMatchObject({
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ surveyId: "s", name: "n" }),
    });
  });
});
