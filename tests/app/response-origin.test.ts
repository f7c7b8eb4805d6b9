import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResponse } from "../../src/app/device/submit-response";
import type { SurveyDefinition } from "../../src/domain/definition";
import { Response } from "../../src/domain/response";
import { loadSurveyRegistry } from "../../src/server/surveys";

const def = loadSurveyRegistry([join(import.meta.dirname, "../../surveys")]).latestOf(
  "ward-resident",
) as SurveyDefinition;
const answers = { q_disaster_prep: "yes", q_info_reach: "feel", q_watch_over: "feel" };
const at = new Date("2026-09-01T01:00:00.000Z");

describe("a response's origin", () => {
  it("a kiosk's response carries mode kiosk, its event and its device", () => {
    const r = buildResponse(def, answers, "en", at, {
      mode: "kiosk",
      eventId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c",
      deviceId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    });
    expect(r).toMatchObject({
      mode: "kiosk",
      eventId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c",
      deviceId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
      locale: "en",
      submittedAt: at.toISOString(),
    });
    expect(Response.safeParse(r).success).toBe(true);
  });

  it("a self-answered response carries neither event nor device, not even as undefined keys", () => {
    for (const r of [
      buildResponse(def, answers, "ja", at),
      buildResponse(def, answers, "ja", at, { mode: "self" }),
    ]) {
      expect(r.mode).toBe("self");
      expect(Object.keys(r)).not.toContain("eventId");
      expect(Object.keys(r)).not.toContain("deviceId");
      expect(Response.safeParse(r).success).toBe(true);
    }
  });
});
