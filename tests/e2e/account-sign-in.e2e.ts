import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN, ROOT, TSX } from "../../harness/collector";
import staffJa from "../../src/i18n/staff/ja";
import { axeViolations } from "./support/axe";
import { openDashboardSection } from "./support/dashboard";
import { useCollectorAndChromium } from "./support/suite";

// Issue 22: once `npm run admin -- create` has made the first admin, people sign in to the dashboard
// with their account; the organizer token then signs in no one (it stays a Bearer token for scripts).
const LOGIN = "tanaka";
const PASSWORD = "correct horse battery staple";

describe("the dashboard's sign-in with an account", () => {
  const env = useCollectorAndChromium();
  let page: Page;

  beforeAll(async () => {
    // Made at the collector's own console, into its database, as an admin would on the server.
    await promisify(execFile)(
      process.execPath,
      ["--import", TSX, "src/server/cli/admin-cli.ts", "create", LOGIN, "--name", "田中"],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: env.collector.dataDir, DATABASE_URL: "", ADMIN_PASSWORD: PASSWORD },
      },
    );
    const context = await phoneContext(env.browser, { bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await page?.context().close();
  });

  const signIn = async (fill: () => Promise<void>) => {
    await page.goto(`${env.collector.origin}/dashboard/surveys`);
    await page.getByLabel(staffJa.dashboard.loginLabel).waitFor();
    await fill();
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
  };

  it("refuses the organizer token once an admin exists, and says so", async () => {
    await signIn(() => page.getByLabel(staffJa.dashboard.tokenLabel).fill(ORGANIZER_TOKEN));
    await page.getByText(staffJa.dashboard.signInRejected).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("signs in with the login and password and shows the survey's tallies", async () => {
    await signIn(async () => {
      await page.getByLabel(staffJa.dashboard.loginLabel).fill(LOGIN);
      await page.getByLabel(staffJa.dashboard.passwordLabel).fill(PASSWORD);
    });
    await page.locator("section.versions").waitFor();
    const session = await (await page.request.get(`${env.collector.origin}/api/v1/session`)).json();
    expect(session).toMatchObject({ signedIn: true });
  });

  it("lets the admin make an analyst on the accounts screen, who then sees only an analyst's screens", async () => {
    await openDashboardSection(page, "accounts");
    await page.getByRole("cell", { name: LOGIN }).waitFor();
    await page.getByLabel(staffJa.accounts.login).fill("suzuki");
    await page.getByLabel(staffJa.accounts.displayName).fill("鈴木");
    await page.locator("#new-account-role").selectOption("analyst");
    await page.getByLabel(staffJa.accounts.password).fill("another long passphrase");
    await page.getByRole("button", { name: staffJa.accounts.create }).click();
    await page.getByText(staffJa.accounts.created.replace("{{login}}", "suzuki")).waitFor();
    const row = page.getByTestId("accounts-table").locator("tr", { hasText: "suzuki" });
    expect(await row.locator("td").nth(0).textContent()).toBe("鈴木");
    expect(await row.locator("select").inputValue()).toBe("analyst");
    expect(await axeViolations(page)).toEqual([]);

    // The audit screen names who made it, newest first.
    await openDashboardSection(page, "audit");
    const newest = page.getByTestId("audit-table").locator("tbody tr").first();
    await newest.waitFor();
    const cells = await newest.locator("td").allTextContents();
    expect(cells.slice(1, 4)).toEqual([LOGIN, staffJa.audit.actions.account_created, "suzuki"]);
    expect(await axeViolations(page)).toEqual([]);

    // Suzuki forgot the password: the admin sets a new one in suzuki's row, to give in person.
    await openDashboardSection(page, "accounts");
    const suzuki = page.getByTestId("accounts-table").locator("tr", { hasText: "suzuki" });
    await suzuki
      .locator("summary", { hasText: staffJa.accounts.setPassword.replace("{{login}}", "suzuki") })
      .click();
    await suzuki
      .getByLabel(staffJa.accounts.newPasswordFor.replace("{{login}}", "suzuki"))
      .fill("a new one given in person");
    expect(await axeViolations(page)).toEqual([]);
    // On a phone the screen reflows: the page scrolls down, never sideways (the table scrolls in itself).
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await suzuki.getByRole("button", { name: staffJa.accounts.setPasswordSubmit }).click();
    await page.getByText(staffJa.accounts.passwordSet.replace("{{login}}", "suzuki")).waitFor();
    // The admin's own row offers no new password: their own is changed with the current one.
    const own = page.getByTestId("accounts-table").locator("tr", { hasText: LOGIN });
    expect(await own.locator("summary").count()).toBe(0);
    await own.getByText(staffJa.collectorProblem.own_password).waitFor();

    // The analyst: no accounts or audit in the navigation, and the address of one says it is not theirs.
    await page.getByRole("button", { name: staffJa.organizer.signOut }).click();
    // Signed out once the collector has ended the session (the form shows then): opened before,
    // the next page still had the admin's cookie, and no sign-in form.
    await page.getByLabel(staffJa.dashboard.loginLabel).waitFor();
    await signIn(async () => {
      await page.getByLabel(staffJa.dashboard.loginLabel).fill("suzuki");
      await page.getByLabel(staffJa.dashboard.passwordLabel).fill("a new one given in person");
    });
    await page.locator("section.versions").waitFor();
    const offered = await page
      .locator(".dashboard-nav a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(offered).toEqual([
      "/dashboard/indicators",
      "/dashboard/trend",
      "/dashboard/responses",
      "/dashboard/population",
      "/dashboard/events",
      "/dashboard/surveys",
      "/dashboard/account",
    ]);
    await page.goto(`${env.collector.origin}/dashboard/audit`);
    await page.getByText(staffJa.sections.notForRole).waitFor();
  });
});
