import { formatFiscalYear } from "../../domain/fiscal-year";
import type { Locale } from "../../domain/locales";

/**
 * The newest published results page of a survey, in the reader's language, with its year as the
 * reader writes it (令和7年度, FY2025), or undefined when none is published (or the collector
 * cannot say). Only a resident's own phone asks (a kiosk shows its own thank-you), and it sends to
 * the page's own origin, so the page's origin is asked, not the endpoint setting: reading that
 * brought the outbox, the schemas and the sync engine into the budgeted first load (+23 kB). Read
 * by hand, not through the contract's schema, which would bring zod.
 */
export async function latestResultsPage(
  surveyId: string,
  locale: Locale,
): Promise<{ wave: string; href: string } | undefined> {
  const response = await fetch(`/api/v1/public/surveys/${encodeURIComponent(surveyId)}/results.json`);
  if (!response.ok) return undefined;
  const first = ((await response.json()) as { results?: { wave?: unknown; page?: unknown }[] }).results?.[0];
  if (
    typeof first?.wave !== "number" ||
    typeof first.page !== "string" ||
    !first.page.startsWith("/results/")
  )
    return undefined;
  return {
    wave: formatFiscalYear(first.wave, locale),
    href: locale === "ja" ? first.page : `${first.page}/${locale}`,
  };
}
