import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { PaperFormList } from "../../src/contract/paper-forms";
import { Tallies } from "../../src/contract/tallies";
import type { SurveyDefinition } from "../../src/domain/definition";
import jaMain from "../../src/i18n/catalogues/ja";
import staffJa from "../../src/i18n/staff/ja";
import { axeViolations } from "./support/axe";
import { useCollectorAndChromium } from "./support/suite";

// Issue 21 part 2: returned paper forms keyed twice from the keyboard alone, on two office PCs (two
// clerks), synced through the outbox with each clerk's session; a form whose keyings differ shows
// on the dashboard side by side and a third keying settles it. The keying speed is measured and
// reported (forms per minute of a script at the keys: the screen's ceiling, not a person's pace).
const SURVEY = "ward-resident";
const def = JSON.parse(readFileSync(`surveys/${SURVEY}.json`, "utf8")) as SurveyDefinition;
const ja = { ...jaMain, ...staffJa };
const PASSWORD = "correct horse battery staple";
const FORMS = 8;

/** What a form says, as keys: a digit per choice (1-based, printed order), typed numbers and text. */
interface PaperForm {
  number: string;
  area: number;
  age: number;
  housing: number;
  children: 1 | 2;
  years: string;
  prep: 1 | 2 | 3;
  measures: number[];
  info: number;
  watch: number;
  comment: string;
}

const forms: PaperForm[] = Array.from({ length: FORMS }, (_, i) => ({
  number: String(i + 1).padStart(4, "0"),
  area: 1 + (i % 9),
  age: 1 + (i % 6),
  housing: 1 + (i % 3),
  children: (i % 2 === 0 ? 1 : 2) as 1 | 2,
  years: i % 4 === 3 ? "" : String(3 + i),
  prep: (1 + (i % 3)) as 1 | 2 | 3,
  measures: i % 3 === 0 ? [1, 3] : [],
  info: 1 + (i % 5),
  watch: 1 + (i % 4),
  comment: i === 2 ? "公園のベンチ" : "",
}));

const api = (origin: string, path: string) =>
  fetch(`${origin}/api/v1${path}`, { headers: { Authorization: `Bearer ${ORGANIZER_TOKEN}` } });

describe("paper forms keyed twice from the keyboard", () => {
  const env = useCollectorAndChromium();
  const clerks: Page[] = [];

  beforeAll(async () => {
    for (const login of ["clerk-a", "clerk-b"]) {
      const made = await fetch(`${env.collector.origin}/api/v1/accounts`, {
        method: "POST",
        headers: { Authorization: `Bearer ${ORGANIZER_TOKEN}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          login,
          displayName: login,
          role: "data_entry",
          surveys: "all",
          password: PASSWORD,
        }),
      });
      expect(made.status).toBe(201);
      const context = await env.browser.newContext({
        locale: "ja-JP",
        viewport: { width: 1280, height: 900 },
      });
      clerks.push(await context.newPage());
    }
  });
  afterAll(async () => {
    for (const page of clerks) await page.context().close();
  });

  const signIn = async (page: Page, login: string) => {
    await page.goto(`${env.collector.origin}/paper`);
    await page.getByLabel(ja.dashboard.loginLabel).focus();
    await page.keyboard.type(login);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByLabel(ja.paper.formNumber).waitFor();
  };

  /** The question on screen now is `id`: its label is in the entry, and the focus inside it. */
  const at = async (page: Page, id: string) => {
    const q = def.questions.find((x) => x.id === id);
    await page.locator(`#paper-q-${id}`).waitFor();
    expect(q).toBeDefined();
  };
  const choose = async (page: Page, id: string, digits: number[]) => {
    await at(page, id);
    for (const d of digits) await page.keyboard.press(String(d));
    await page.keyboard.press("Enter");
  };
  const type = async (page: Page, id: string, text: string) => {
    await at(page, id);
    if (text) await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  };

  /** One form from the keys alone; `slip` keys another age, as a tired clerk might. */
  const key = async (page: Page, form: PaperForm, slip = false) => {
    await page.getByLabel(ja.paper.formNumber).waitFor();
    await page.keyboard.type(form.number);
    await page.keyboard.press("Enter");
    await choose(page, "q_area", [form.area]);
    await choose(page, "q_age", [slip ? 1 + (form.age % 6) : form.age]);
    await choose(page, "q_housing", [form.housing]);
    await choose(page, "q_children", [form.children]);
    await type(page, "q_years", form.years);
    await choose(page, "q_disaster_prep", [form.prep]);
    if (form.prep === 1) await choose(page, "q_disaster_measures", form.measures);
    await choose(page, "q_info_reach", [form.info]);
    await choose(page, "q_info_sources", []); // left blank on paper
    await choose(page, "q_know_council", [1]);
    await choose(page, "q_local_activity", []);
    await choose(page, "q_watch_over", [form.watch]);
    if (form.children === 1) await choose(page, "q_childcare_consult", [2]);
    await type(page, "q_comment", form.comment);
    await page
      .getByRole("heading", { name: ja.paper.summaryTitle.replace("{{form}}", form.number) })
      .waitFor();
    await page.keyboard.press("Enter");
    await page.getByText(ja.paper.saved.replace("{{form}}", form.number)).waitFor();
  };

  it("keys every form from the keyboard, twice, and says how fast", async () => {
    const [a, b] = clerks as [Page, Page];
    await signIn(a, "clerk-a");
    const started = performance.now();
    for (const form of forms) await key(a, form);
    const minutes = (performance.now() - started) / 60_000;
    console.log(
      `paper entry: ${FORMS} forms in ${(minutes * 60).toFixed(1)} s, ${(FORMS / minutes).toFixed(1)} forms per minute`,
    );
    expect(await axeViolations(a)).toEqual([]);

    await signIn(b, "clerk-b");
    for (const [i, form] of forms.entries()) await key(b, form, i === 4);
  }, 300_000);

  it("syncs both keyings of every form, and counts each agreeing form once", async () => {
    const all = async () =>
      PaperFormList.parse(
        await (await api(env.collector.origin, `/surveys/${SURVEY}/paper-forms?status=all`)).json(),
      ).forms;
    await expect
      .poll(async () => (await all()).flatMap((f) => f.keyings).length, { timeout: 60_000 })
      .toBe(2 * FORMS);
    const byStatus = (await all()).map((f) => [f.paperForm, f.status]);
    expect(byStatus).toEqual(forms.map((f, i) => [f.number, i === 4 ? "disputed" : "agreed"]));
    const tallies = Tallies.parse(
      await (await api(env.collector.origin, `/surveys/${SURVEY}/tallies`)).json(),
    );
    const prep = tallies.indicators.find((i) => i.id === "disaster_prep");
    const base = forms.filter((f, i) => i !== 4 && f.prep !== 3).length;
    expect(prep?.n).toBe(base);
  });

  it("shows the dispute on the dashboard side by side, and a third keying settles it", async () => {
    const office = await env.browser.newContext({ locale: "ja-JP", viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    await page.goto(`${env.collector.origin}/dashboard/responses`);
    await page.getByLabel(ja.dashboard.tokenLabel).fill(ORGANIZER_TOKEN);
    await page.getByRole("button", { name: ja.organizer.signIn, exact: true }).click();
    const table = page.getByRole("table", { name: ja.paperDisputes.caption.replace("{{form}}", "0005") });
    await table.waitFor();
    const age = def.questions.find((q) => q.id === "q_age");
    const row = table.getByRole("row", { name: new RegExp(age?.label.ja ?? "q_age") });
    await expect.poll(() => row.innerText()).toContain(`≠ ${ja.paperDisputes.differs}`);
    expect(await row.getByRole("cell").count()).toBe(3); // two keyings and the mark
    expect(await axeViolations(page)).toEqual([]);

    // The third keying, from the paper, by the first clerk.
    await clerks[0]?.getByLabel(ja.paper.formNumber).focus();
    await key(clerks[0] as Page, forms[4] as PaperForm);
    await expect
      .poll(
        async () =>
          PaperFormList.parse(
            await (await api(env.collector.origin, `/surveys/${SURVEY}/paper-forms`)).json(),
          ).forms.length,
        { timeout: 60_000 },
      )
      .toBe(0);
    await office.close();
  });
});
