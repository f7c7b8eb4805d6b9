import type { Locale } from "../domain/locales";

/** Where the build publishes a definition in one language (src/build/survey-assets.ts). */
export const definitionInPath = (surveyId: string, locale: Locale) => `surveys/${surveyId}.${locale}.json`;

/** Where the build publishes a survey's page with its first screen drawn in (src/build/first-screen.tsx). */
export const firstScreenPagePath = (surveyId: string, locale: Locale) => `s/${surveyId}/${locale}.html`;
