import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The module keeps its prefetches in memory: a fresh copy for each test.
async function surveysModule() {
  vi.resetModules();
  return await import("../../src/app/collector/surveys");
}

const definition = {
  id: "ward-x",
  version: 1,
  title: { ja: "区" },
  questions: [],
  indicators: [],
  minCell: 10,
};

describe("a survey's definition fetched before the first render", () => {
  let fetches: string[];
  let answer: () => Promise<Response>;
  beforeEach(() => {
    fetches = [];
    answer = async () => new Response(JSON.stringify(definition), { status: 200 });
    vi.stubGlobal("fetch", async (path: string) => {
      fetches.push(path);
      return await answer();
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("is there for the first render once the prefetch has settled, and is fetched once", async () => {
    const { arrivedSurvey, prefetchSurvey } = await surveysModule();
    expect(arrivedSurvey("ward-x", "ja")).toBeUndefined(); // nothing asked for yet
    const settled = prefetchSurvey("ward-x", "ja");
    expect(arrivedSurvey("ward-x", "ja")).toBeUndefined(); // still on its way
    await settled;
    expect(arrivedSurvey("ward-x", "ja")).toEqual(definition);
    expect(fetches).toEqual(["/surveys/ward-x.ja.json"]);
    // Taken over: a later load fetches afresh instead of reusing a stale copy.
    expect(arrivedSurvey("ward-x", "ja")).toBeUndefined();
  });

  it("is not offered when the file is not that survey's definition; loadSurvey then says why", async () => {
    answer = async () => new Response(JSON.stringify({ id: "other" }), { status: 200 });
    const { arrivedSurvey, loadSurvey, prefetchSurvey } = await surveysModule();
    await prefetchSurvey("ward-x", "ja");
    expect(arrivedSurvey("ward-x", "ja")).toBeUndefined();
    await expect(loadSurvey("ward-x", "ja")).rejects.toThrow(
      '/surveys/ward-x.ja.json is not the definition of "ward-x"',
    );
  });

  it("settles without a value when the fetch fails, and loadSurvey tries again", async () => {
    answer = async () => new Response("", { status: 503 });
    const { arrivedSurvey, loadSurvey, prefetchSurvey } = await surveysModule();
    await expect(prefetchSurvey("ward-x", "ja")).resolves.toBeUndefined();
    expect(arrivedSurvey("ward-x", "ja")).toBeUndefined();
    answer = async () => new Response(JSON.stringify(definition), { status: 200 });
    await expect(loadSurvey("ward-x", "ja")).resolves.toEqual(definition);
    expect(fetches).toHaveLength(2);
  });

  it("is taken over by loadSurvey while still on its way, without a second fetch", async () => {
    const { arrivedSurvey, loadSurvey, prefetchSurvey } = await surveysModule();
    const settled = prefetchSurvey("ward-x", "ja");
    await expect(loadSurvey("ward-x", "ja")).resolves.toEqual(definition);
    await settled;
    expect(arrivedSurvey("ward-x", "ja")).toBeUndefined();
    expect(fetches).toHaveLength(1);
  });
});
