import type { Locale } from "../../domain/locales";
import { readEndpoint } from "../device/settings";

/**
 * The newest published results page of a survey, in the reader's language, or undefined when none
 * is published (or the collector cannot say). Read by hand, not through the contract's schema: the
 * thank-you screen is in the respondent's budgeted first load, and the schemas would bring zod.
 */
export async function latestResultsPage(
  surveyId: string,
  locale: Locale,
): Promise<{ wave: number; href: string } | undefined> {
  const endpoint = await readEndpoint();
  const response = await fetch(`${endpoint}/public/surveys/${encodeURIComponent(surveyId)}/results.json`);
  if (!response.ok) return undefined;
  const first = ((await response.json()) as { results?: { wave?: unknown; page?: unknown }[] }).results?.[0];
  if (
    typeof first?.wave !== "number" ||
    typeof first.page !== "string" ||
    !first.page.startsWith("/results/")
  )
    return undefined;
  const page = locale === "ja" ? first.page : `${first.page}/${locale}`;
  return { wave: first.wave, href: new URL(page, endpoint).href };
}
