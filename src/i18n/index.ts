import i18next from "i18next";
import type { Catalogue } from "./catalogue";
import ja from "./catalogues/ja";

/**
 * The UI's messages. Japanese ships in the main bundle (most respondents read it, and it is the
 * fallback); each other language is a small chunk fetched when chosen (and precached for offline).
 */
const loaders: Record<string, () => Promise<{ default: Catalogue }>> = {
  "ja-x-easy": () => import("./catalogues/ja-x-easy"),
  en: () => import("./catalogues/en"),
  "zh-Hans": () => import("./catalogues/zh-Hans"),
  ko: () => import("./catalogues/ko"),
  vi: () => import("./catalogues/vi"),
};

const i18n = i18next.createInstance();

async function ensureCatalogue(language: string): Promise<void> {
  const load = loaders[language];
  if (!load || i18n.hasResourceBundle(language, "translation")) return;
  i18n.addResourceBundle(language, "translation", (await load()).default);
}

/** Call once before the first render. */
export async function initI18n(language: string): Promise<void> {
  await i18n.init({
    lng: "ja",
    // i18next 27 defaults to no fallback: name it, so a key missing in a language shows Japanese.
    fallbackLng: "ja",
    supportedLngs: ["ja", ...Object.keys(loaders)],
    // "ja-x-easy" must not be looked up as "ja-X-EASY" or "ja": each catalogue is complete.
    load: "currentOnly",
    resources: { ja: { translation: ja } },
    // Preact escapes text itself; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
  });
  await setLanguage(language);
}

export async function setLanguage(language: string): Promise<void> {
  await ensureCatalogue(language);
  await i18n.changeLanguage(language);
}

/** A message by its key ("respondent.next"), with {{name}} values filled in. */
export function t(key: string, values?: Record<string, string | number>): string {
  return i18n.t(key, values ?? {});
}
