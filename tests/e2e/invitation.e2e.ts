import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { checkCharacter, formatInvitationCode } from "../../src/domain/invitation-code";
import ja from "../../src/i18n/catalogues/ja";
import letterJa from "../../src/i18n/letter/ja";
import { respondent } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

const organizer = { Authorization: `Bearer ${ORGANIZER_TOKEN}` };
const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ");

// Issue 21: a resident of the mailed sample opens the letter's personal URL, answers and is thanked;
// a typo in a typed code is caught on the phone and said in words; a code used already is refused
// at sync, and the phone explains the refusal on its held-answers page.
describe("invitation codes on a phone, at 390 px", () => {
  const env = useCollectorAndChromium();
  let codes: string[] = [];
  let batchId = "";

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${env.collector.origin}/api/v1/surveys/ward-resident/${path}`, {
      ...init,
      headers: { ...organizer, "Content-Type": "application/json" },
    });

  beforeAll(async () => {
    const made = await api("invitations", { method: "POST", body: JSON.stringify({ wave: 2026, count: 3 }) });
    expect(made.status).toBe(201);
    ({ batchId } = (await made.json()) as { batchId: string });
    const csv = await (await api(`invitations/${batchId}.csv`)).text();
    codes = csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0] as string);
  });

  const answerWithUrl = async (context: BrowserContext, code: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/ward-resident?code=${formatInvitationCode(code)}`);
    await page
      .getByText(letterJa.invitation.using.replace("{{code}}", formatInvitationCode(code)))
      .waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: ja.intro.start }).click();
    const form = respondent(page);
    await form.answerAll();
    await form.submit();
    await form.thanks().waitFor();
    return page;
  };

  it("answers from the letter's personal URL, and the collector marks the code used", async () => {
    const context = await phoneContext(env.browser);
    await answerWithUrl(context, codes[0] as string);
    await expect
      .poll(
        async () =>
          (await (await api(`invitations/${batchId}/unused.csv`)).text()).includes(codes[0] as string),
        {
          timeout: 30_000,
        },
      )
      .toBe(false);
    const rate = (await (await api("response-rate?wave=2026")).json()) as { mailed: number; online: number };
    expect(rate).toMatchObject({ mailed: 3, online: 1 });
    await context.close();
  });

  it("catches a typed code's typo on the phone and says so", async () => {
    const context = await phoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: ja.invitation.open }).click();
    const code = codes[1] as string;
    const wrongCheck = checkCharacter(code) === "2" ? "3" : "2";
    await page
      .getByLabel(letterJa.invitation.label)
      .fill(`${code.slice(0, 4)} ${code.slice(4, 8)}-${wrongCheck}`);
    await page.getByRole("button", { name: letterJa.invitation.use }).click();
    await page.getByRole("alert").filter({ hasText: letterJa.invitation.check }).waitFor();
    // Typed right, in lower case with dashes, it is taken.
    await page.getByLabel(letterJa.invitation.label).fill(formatInvitationCode(code).toLowerCase());
    await page.getByRole("button", { name: letterJa.invitation.use }).click();
    await page.getByText(letterJa.invitation.using.replace("{{code}}", formatInvitationCode(code))).waitFor();
    await context.close();
  });

  it("keeps an answer whose code was used already, and explains the refusal", async () => {
    const context = await phoneContext(env.browser);
    const page = await answerWithUrl(context, codes[0] as string);
    const link = page.locator(".status-bar").getByRole("link", { name: /確認が必要な回答 1 件/ });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.getByRole("heading", { name: ja.held.title }).waitFor();
    await expect
      .poll(async () => squash(await page.locator("[data-held]").first().textContent()))
      .toContain(letterJa.itemReason.invitation_used);
    await context.close();
  });
});
