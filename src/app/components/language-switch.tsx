import { LOCALES, type Locale } from "../../domain/locales";
import { t } from "../../i18n";
import { useLocale } from "../locale-context";

/** Each language in its own script, so a reader finds theirs whatever the page currently shows. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  ja: "日本語",
  "ja-x-easy": "やさしい にほんご",
  en: "English",
  "zh-Hans": "简体中文",
  ko: "한국어",
  vi: "Tiếng Việt",
};

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  return (
    <label class="language-switch">
      <span class="language-switch__label">{t("header.language")}</span>
      <select value={locale} onChange={(event) => void setLocale(event.currentTarget.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
