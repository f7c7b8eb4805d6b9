import { describe, expect, it } from "vitest";
import { matchRoute, surveyPath } from "../../src/app/router/routes";

describe("matchRoute", () => {
  it("maps each page's path", () => {
    expect(matchRoute("/")).toEqual({ name: "home" });
    expect(matchRoute("/s/ward-resident")).toEqual({ name: "survey", surveyId: "ward-resident" });
    expect(matchRoute("/s/ward-resident/")).toEqual({ name: "survey", surveyId: "ward-resident" });
    expect(matchRoute("/dashboard")).toEqual({ name: "dashboard", section: "indicators" });
    expect(matchRoute("/dashboard/audit/")).toEqual({ name: "dashboard", section: "audit" });
    expect(matchRoute("/dashboard/events")).toEqual({ name: "dashboard", section: "events" });
    expect(matchRoute("/dashboard/nothing").name).toBe("not_found");
    expect(matchRoute("/settings")).toEqual({ name: "settings" });
    expect(matchRoute("/held")).toEqual({ name: "held" });
    expect(matchRoute("/enroll")).toEqual({ name: "enroll" });
    expect(matchRoute("/kiosk")).toEqual({ name: "kiosk" });
    expect(matchRoute("/flyer/ward-resident")).toEqual({ name: "flyer", surveyId: "ward-resident" });
    expect(matchRoute("/flyer/Ward").name).toBe("not_found");
  });

  it("refuses what is not a survey id", () => {
    expect(matchRoute("/s/Ward")).toEqual({ name: "not_found", path: "/s/Ward" });
    expect(matchRoute("/s/a/b").name).toBe("not_found");
    expect(matchRoute("/s/").name).toBe("not_found");
  });

  it("round-trips surveyPath", () => {
    expect(matchRoute(surveyPath("ward-resident-2026"))).toEqual({
      name: "survey",
      surveyId: "ward-resident-2026",
    });
  });
});
