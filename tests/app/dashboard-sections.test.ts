import { describe, expect, it } from "vitest";
import { mayOpen, SECTION_ACCESS } from "../../src/app/dashboard/frame/sections";
import { DASHBOARD_SECTIONS, type DashboardSection } from "../../src/app/router/routes";
import { ROLES } from "../../src/contract/accounts";
import { ROUTE_ROLES, type RouteKey } from "../../src/server/auth/route-roles";

/** The collector's route each screen reads first: a screen offered to a role that route refuses would only show a refusal. */
const FIRST_READ: Record<DashboardSection, RouteKey> = {
  indicators: "GET /surveys/:id/tallies",
  trend: "GET /surveys/:id/trend",
  responses: "GET /surveys/:id/counts",
  population: "GET /surveys/:id/population",
  sample: "GET /surveys/:id/invitations",
  events: "GET /events",
  surveys: "GET /surveys/:id/versions",
  results: "POST /surveys/:id/results/:wave",
  accounts: "GET /accounts",
  audit: "GET /audit",
  account: "GET /sessions",
};

describe("the dashboard's screens and the roles that open them", () => {
  it("offers each screen to exactly the roles its first request allows", () => {
    for (const section of DASHBOARD_SECTIONS) {
      expect(SECTION_ACCESS[section].role, section).toBe(ROUTE_ROLES[FIRST_READ[section]].role);
      const allowed = ROLES.filter((role) => mayOpen(role, section));
      expect(allowed, section).toEqual(ROLES.slice(0, ROLES.indexOf(SECTION_ACCESS[section].role) + 1));
    }
  });

  it("gives data entry only its own account's screen and an admin all of them", () => {
    expect(DASHBOARD_SECTIONS.filter((s) => mayOpen("data_entry", s))).toEqual(["account"]);
    expect(DASHBOARD_SECTIONS.filter((s) => mayOpen("admin", s))).toEqual([...DASHBOARD_SECTIONS]);
  });
});
