import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { ErrorBody } from "../../src/contract/errors";
import type { SurveyDefinition } from "../../src/domain/definition";
import jaMain from "../../src/i18n/catalogues/ja";
import staffJa from "../../src/i18n/staff/ja";
import { axeViolations } from "./support/axe";
import { storedRecords } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

// Issue 22 part 4, in Chromium: staff manage an event's tablets on the dashboard. A tablet answers
// and syncs; the dashboard shows its last sync and count; staff rename it, then revoke it, and the
// tablet's next sync is refused and its staff panel says so. An empty event is deleted; one that
// holds an answer cannot be, and says why.
const def = JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")) as SurveyDefinition;
const ja = { ...jaMain, ...staffJa };
const PIN = "1357";
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{{${k}}}`, v), text);

const optionLabel = (questionId: string, optionId: string) => {
  const q = def.questions.find((x) => x.id === questionId);
  const label = q && "options" in q ? q.options.find((o) => o.id === optionId)?.label.ja : undefined;
  if (!label) throw new Error(`no label for ${questionId}.${optionId}`);
  return label;
};

describe("events and tablets managed on the dashboard", () => {
  const env = useCollectorAndChromium();
  let office: Page;
  let tabletContext: BrowserContext;
  let tablet: Page;
  let enrollmentLink = "";

  beforeAll(async () => {
    const officeContext = await env.browser.newContext({
      locale: "ja-JP",
      viewport: { width: 1280, height: 900 },
    });
    office = await officeContext.newPage();
    tabletContext = await env.browser.newContext({
      locale: "ja-JP",
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
    });
    tablet = await tabletContext.newPage();
  });

  const event = (name: string) => office.locator("li.events-section__event").filter({ hasText: name });
  const device = (name: string) =>
    event("夏まつり")
      .locator("tr[data-device]")
      .filter({ has: office.locator("th", { hasText: name }) });

  async function createEvent(name: string) {
    await office.getByLabel(ja.events.name, { exact: true }).fill(name);
    await office.getByLabel(ja.events.place, { exact: true }).fill("区民広場");
    await office.getByLabel(ja.events.date, { exact: true }).fill("2026-08-01");
    await office.getByRole("button", { name: ja.events.create }).click();
    await event(name).waitFor();
  }

  /** One resident's answers on the kiosk, from its start screen to the thank-you. */
  async function answerOnTablet() {
    const next = () => tablet.getByRole("button", { name: ja.respondent.next, exact: true }).click();
    const choose = async (q: string, o: string) => {
      await tablet.getByLabel(optionLabel(q, o), { exact: true }).check();
      await next();
    };
    await tablet.getByRole("button", { name: ja.intro.start, exact: true }).click();
    for (let i = 0; i < 5; i++) await next();
    await choose("q_disaster_prep", "no");
    await choose("q_info_reach", "feel");
    for (let i = 0; i < 3; i++) await next();
    await choose("q_watch_over", "somewhat");
    await next();
    await tablet.getByRole("button", { name: ja.review.submit, exact: true }).click();
    await tablet.getByRole("heading", { name: ja.thanks.title }).waitFor();
    await tablet.getByRole("button", { name: ja.kiosk.next }).click();
    await tablet.getByRole("button", { name: ja.intro.start, exact: true }).waitFor();
  }

  it("enrols a tablet from the dashboard, which answers and syncs", async () => {
    await office.goto(`${env.collector.origin}/dashboard/events`);
    await office.getByLabel(ja.dashboard.tokenLabel).fill(ORGANIZER_TOKEN);
    await office.getByRole("button", { name: ja.organizer.signIn, exact: true }).click();
    await office.getByRole("heading", { name: ja.events.title }).waitFor();
    await createEvent("夏まつり");
    await event("夏まつり").getByLabel(ja.events.deviceLabel).fill("受付1");
    await event("夏まつり").getByRole("button", { name: ja.events.addDevice }).click();
    const link = office.locator("[data-enrollment-link]");
    await link.waitFor();
    enrollmentLink = (await link.getAttribute("href")) ?? "";
    // The new tablet is listed at once, never synced.
    await device("受付1").getByText(ja.events.neverSynced).waitFor();

    await tablet.goto(enrollmentLink);
    await tablet.getByLabel(ja.enroll.pin, { exact: true }).fill(PIN);
    await tablet.getByLabel(ja.enroll.pinAgain, { exact: true }).fill(PIN);
    await tablet.getByRole("button", { name: ja.enroll.start }).click();
    await tablet.waitForURL(`${env.collector.origin}/kiosk`);
    await answerOnTablet();
    await expect.poll(async () => (await storedRecords(tablet)).map((r) => r.state).join()).toBe("sent");
  });

  it("shows the tablet's last sync in words and its answer, and why the event cannot be deleted", async () => {
    await office.reload();
    const row = device("受付1");
    const lastSync = row.locator("td").nth(1).locator("time");
    await lastSync.waitFor();
    // Synced seconds ago: 「今」 in the reader's words, the instant in its dateTime.
    expect(await lastSync.textContent()).toBe(
      new Intl.RelativeTimeFormat("ja", { numeric: "auto" }).format(0, "second"),
    );
    expect(Date.parse((await lastSync.getAttribute("datetime")) ?? "")).not.toBeNaN();
    expect(await row.locator("td.num").textContent()).toBe("1");
    expect(await row.locator("[data-device-state]").textContent()).toBe(ja.events.active);

    const remove = event("夏まつり").getByRole("button", { name: ja.events.delete });
    expect(await remove.getAttribute("aria-disabled")).toBe("true");
    const why = fill(ja.events.deleteBlocked, { n: "1" });
    await event("夏まつり").getByText(why).waitFor();
    // Pressed from the keyboard: nothing opens (a pointer cannot press an aria-disabled button in the test).
    await remove.focus();
    await office.keyboard.press("Enter");
    expect(
      await event("夏まつり")
        .getByText(fill(ja.events.deleteConfirm, { name: "夏まつり" }))
        .count(),
    ).toBe(0);
    // The collector refuses it too, saying how many.
    const events = (await (await env.collector.api("/events?surveyId=ward-resident")).json()) as {
      events: { id: string; name: string }[];
    };
    const id = events.events.find((e) => e.name === "夏まつり")?.id;
    const refused = await env.collector.api(`/events/${id}`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    const body = ErrorBody.parse(await refused.json());
    expect(body.error.code).toBe("event_has_responses");
    expect(body.error.message).toContain("holds 1 stored responses");
    expect(await axeViolations(office)).toEqual([]);
  });

  it("renames the tablet in place, with the focus back on its button and the result announced", async () => {
    await device("受付1")
      .getByRole("button", { name: `${ja.events.rename}: 受付1` })
      .click();
    const input = office.getByLabel(fill(ja.events.renameLabel, { label: "受付1" }));
    await input.waitFor();
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill("出口タブレット");
    await input.press("Enter");
    await event("夏まつり")
      .getByRole("status")
      .filter({ hasText: fill(ja.events.renamed, { label: "出口タブレット" }) })
      .waitFor();
    const renameButton = device("出口タブレット").getByRole("button", {
      name: `${ja.events.rename}: 出口タブレット`,
    });
    await renameButton.waitFor();
    await expect.poll(() => renameButton.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("revokes the tablet after saying its unsent answers will be refused; its next sync is refused and it says so", async () => {
    await device("出口タブレット")
      .getByRole("button", { name: `${ja.events.revoke}: 出口タブレット` })
      .click();
    await office.getByText(fill(ja.events.revokeConfirm, { label: "出口タブレット" })).waitFor();
    await office.getByRole("button", { name: ja.events.revokeYes }).click();
    await event("夏まつり")
      .getByRole("status")
      .filter({ hasText: fill(ja.events.revokedDone, { label: "出口タブレット" }) })
      .waitFor();
    await expect
      .poll(() => device("出口タブレット").locator("[data-device-state]").textContent())
      .toBe(ja.events.revokedState);
    expect(
      await device("出口タブレット")
        .getByRole("button", { name: `${ja.events.revoke}: 出口タブレット` })
        .count(),
    ).toBe(0);

    const refusals: number[] = [];
    tablet.on("response", (response) => {
      if (response.url().endsWith("/api/v1/responses")) refusals.push(response.status());
    });
    await answerOnTablet();
    await expect.poll(() => refusals).toContain(401);
    // The answer stays on the tablet, waiting, and the staff panel says the token was refused.
    expect((await storedRecords(tablet)).map((r) => r.state).sort()).toEqual(["pending", "sent"]);
    await tablet.getByRole("button", { name: ja.kiosk.staff }).click();
    await tablet.getByLabel(ja.staff.pinLabel).fill(PIN);
    await tablet.getByRole("button", { name: ja.staff.open }).click();
    await tablet.getByRole("alert").filter({ hasText: ja.staff.unauthorized }).waitFor();
    // Nothing more was stored: the collector still holds the one answer it took before the revoke.
    await office.reload();
    const count = device("出口タブレット").locator("td.num");
    await count.waitFor();
    expect(await count.textContent()).toBe("1");
  });

  it("edits and closes an event, then deletes an empty one, with the focus on the list", async () => {
    await createEvent("予備日");
    await event("予備日").getByRole("button", { name: ja.events.edit }).click();
    const name = event("予備日").getByLabel(ja.events.name, { exact: true });
    await name.fill("雨天予備日");
    await event("予備日").getByRole("button", { name: ja.events.save }).click();
    await event("雨天予備日")
      .getByRole("status")
      .filter({ hasText: fill(ja.events.saved, { name: "雨天予備日" }) })
      .waitFor();
    await event("雨天予備日").getByRole("button", { name: ja.events.close }).click();
    await event("雨天予備日").getByText(ja.events.closedNote).waitFor();
    expect(await event("雨天予備日").getByLabel(ja.events.deviceLabel).count()).toBe(0);

    await event("雨天予備日").getByRole("button", { name: ja.events.delete }).click();
    await office.getByText(fill(ja.events.deleteConfirm, { name: "雨天予備日" })).waitFor();
    await office.getByRole("button", { name: ja.events.deleteYes }).click();
    await office
      .getByRole("status")
      .filter({ hasText: fill(ja.events.deleted, { name: "雨天予備日" }) })
      .waitFor();
    expect(await event("雨天予備日").count()).toBe(0);
    const heading = office.getByRole("heading", { name: ja.events.eventsTitle, exact: true });
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await office.reload();
    await event("夏まつり").waitFor();
    expect(await event("雨天予備日").count()).toBe(0);
  });
});
