import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ROOT, TSX } from "../../harness/collector";
import staffJa from "../../src/i18n/staff/ja";
import { axeViolations } from "./support/axe";
import { useCollectorAndChromium } from "./support/suite";

// Issue 22: a passkey registered from the dashboard while signed in, then used to sign in with no
// login typed (discoverable). Chromium's virtual authenticator (CDP WebAuthn domain) stands in for
// the device's own: a platform authenticator with resident keys and user verification.
const LOGIN = "tanaka";
const PASSWORD = "correct horse battery staple";

describe("passkeys in the dashboard", () => {
  const env = useCollectorAndChromium();
  let page: Page;
  let cdp: CDPSession;
  let authenticatorId: string;
  // WebAuthn needs a secure context and an RP ID that is a domain name: localhost, not 127.0.0.1.
  const site = () => `http://localhost:${new URL(env.collector.origin).port}`;

  beforeAll(async () => {
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
    cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable", { enableUI: false });
    ({ authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    }));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  const api = async (path: string) => (await page.request.get(`${site()}/api/v1${path}`)).json();

  it("registers a passkey of this device for the signed-in account", async () => {
    await page.goto(`${site()}/dashboard/account`);
    await page.getByLabel(staffJa.dashboard.loginLabel).fill(LOGIN);
    await page.getByLabel(staffJa.dashboard.passwordLabel).fill(PASSWORD);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await page.getByRole("button", { name: staffJa.account.addPasskey }).click();
    await page.getByRole("button", { name: staffJa.account.remove }).waitFor();
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials.map((c) => [c.isResidentCredential, c.rpId])).toEqual([[true, "localhost"]]);
    // The account section (sessions, passkeys, API tokens, the admin's invitation) as axe sees it.
    await page.getByRole("heading", { name: staffJa.account.inviteTitle }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const listed = (await api("/passkeys")) as { passkeys: { id: string; lastUsedAt: string | null }[] };
    expect(listed.passkeys.map((p) => [p.id, p.lastUsedAt])).toEqual([
      [credentials[0]?.credentialId.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), null],
    ]);
  });

  it("signs in with it, no login typed, and counts each use", async () => {
    const counts: number[] = [];
    for (const _ of [1, 2]) {
      await page.getByRole("button", { name: staffJa.organizer.signOut, exact: true }).click();
      await page.getByRole("button", { name: staffJa.account.signInWithPasskey }).click();
      await page.getByRole("button", { name: staffJa.organizer.signOut, exact: true }).waitFor();
      expect(await api("/session")).toMatchObject({ signedIn: true, account: { login: LOGIN } });
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      counts.push(credentials[0]?.signCount ?? -1);
    }
    // The authenticator's counter went up at each sign-in, and the collector took both.
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBeGreaterThan(counts[0] ?? 0);
    const listed = (await api("/passkeys")) as { passkeys: { lastUsedAt: string | null }[] };
    expect(listed.passkeys[0]?.lastUsedAt).not.toBeNull();
    const audit = (await api("/audit?limit=20")) as {
      entries: { action: string; detail: { method?: string } }[];
    };
    const byPasskey = audit.entries.filter((e) => e.action === "sign_in" && e.detail.method === "passkey");
    expect(byPasskey.length).toBe(2);
    expect(audit.entries.map((e) => e.action)).toContain("passkey_added");
  });
});
