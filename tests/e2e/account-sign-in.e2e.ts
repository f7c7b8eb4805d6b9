import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN, ROOT, TSX } from "../../harness/collector";
import staffJa from "../../src/i18n/staff/ja";
import { axeViolations } from "./support/axe";
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
    await page.goto(`${env.collector.origin}/dashboard`);
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
});
