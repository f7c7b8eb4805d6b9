import type { Page } from "playwright-core";
import type { Locale } from "../../../src/domain/locales";
import { LANGUAGE_NAMES } from "../../../src/domain/locales";

/** The header's language switch: a disclosure of links (components/language-switch.tsx). */
export const languageSwitch = (page: Page) => page.locator(".language-switch");

/** Chooses a language as a resident does: opens the switch, then presses the language's own name. */
export async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
  const language = languageSwitch(page);
  if (!(await language.evaluate((details) => (details as HTMLDetailsElement).open)))
    await language.locator("summary").click();
  await language.getByRole("link", { name: LANGUAGE_NAMES[locale], exact: true }).click();
}

/** The language the switch says the page is in (its link marked aria-current). */
export async function languageShown(page: Page): Promise<string | null> {
  return await languageSwitch(page).locator('a[aria-current="true"]').getAttribute("lang");
}
