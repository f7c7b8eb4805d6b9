import type { SurveyDefinition } from "./definition";
import { LOCALES, type Locale, localize } from "./locales";

type Texts = Partial<Record<Locale, string>>;

const isLocale = (key: string) => (LOCALES as readonly string[]).includes(key);

/** A LocalizedText as the schema makes it: only locale keys, only strings, Japanese among them. */
function isTexts(value: object): value is Texts {
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    "ja" in value &&
    entries.every(([key, text]) => isLocale(key) && typeof text === "string")
  );
}

function keepOnly(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((item) => keepOnly(item, locale));
  if (typeof value !== "object" || value === null) return value;
  if (isTexts(value))
    return locale === "ja" ? { ja: value.ja } : { [locale]: localize(value, locale), ja: value.ja };
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, keepOnly(item, locale)]));
}

/**
 * The definition with its texts in one language: what a respondent's phone fetches first, a sixth
 * of the file (DESIGN.md: the first load counts one language of the definition). Japanese stays
 * beside the chosen language as the fallback `localize` shows, and a missing translation is filled
 * from it, so the result shows exactly what the whole definition shows in `locale`. Everything else
 * (ids, kinds, skip logic, indicators, `locales`, the answer period) is kept as it is, except the
 * short labels (staff screens only) and the contact: only the printed flyer shows it, and the flyer loads the whole definition. On a
 * respondent's first load it was some 240 B gzip of dead weight, with about 1 KB of the budget left.
 */
export function definitionIn(def: SurveyDefinition, locale: Locale): SurveyDefinition {
  const { contact: _flyerOnly, ...shown } = def;
  // Short labels name questions and indicators on the dashboard and in CSV, which read the whole
  // definition; a respondent never sees one, so they stay out of the first load as the contact does.
  const questions = def.questions.map(({ shortLabel: _staffOnly, ...q }) => q);
  const indicators = def.indicators.map(({ shortLabel: _staffOnly, ...i }) => i);
  return keepOnly({ ...shown, questions, indicators }, locale) as SurveyDefinition;
}

/** Whether `def` (whole, or as definitionIn made it) holds its texts in `locale`. */
export function hasTextsIn(def: SurveyDefinition, locale: string): boolean {
  return locale === "ja" || (def.title as Texts)[locale as Locale] !== undefined;
}
