import type { Page } from "playwright-core";
import { type DashboardSection, dashboardPath } from "../../../src/app/router/routes";

/** Moves to one of the dashboard's screens through its navigation, as a person would. */
export async function openDashboardSection(page: Page, section: DashboardSection): Promise<void> {
  await page.locator(`.dashboard-nav a[href="${dashboardPath(section)}"]`).click();
  await page.waitForURL((url) => url.pathname === dashboardPath(section));
}
