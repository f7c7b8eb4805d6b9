import type { Role } from "../../../contract/accounts";
import { ROLES } from "../../../contract/accounts";
import type { DashboardSection } from "../../router/routes";

/**
 * Who a dashboard screen is for and whether it is about one survey: the least role is the one the
 * collector's routes behind the screen need (src/server/auth/route-roles.ts), so a screen is offered
 * only to those whose requests it would not refuse.
 */
export const SECTION_ACCESS: Record<DashboardSection, { role: Role; perSurvey: boolean }> = {
  indicators: { role: "analyst", perSurvey: true },
  trend: { role: "analyst", perSurvey: true },
  responses: { role: "analyst", perSurvey: true },
  population: { role: "analyst", perSurvey: true },
  // The mailed sample: its letters' codes (admin) beside the response rate.
  sample: { role: "admin", perSurvey: true },
  events: { role: "field_staff", perSurvey: true },
  surveys: { role: "analyst", perSurvey: true },
  results: { role: "admin", perSurvey: true },
  accounts: { role: "admin", perSurvey: false },
  audit: { role: "admin", perSurvey: false },
  // One's own sessions, API tokens and passkeys: every role.
  account: { role: "data_entry", perSurvey: false },
};

/** Whether `role` may open `section` (roles rank as ROLES lists them, highest first). */
export function mayOpen(role: Role, section: DashboardSection): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(SECTION_ACCESS[section].role);
}
