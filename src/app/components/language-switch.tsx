import { useEffect, useRef, useState } from "preact/hooks";
import { LANGUAGE_NAMES, LOCALES } from "../../domain/locales";
import { t } from "../../i18n";
import { useLocale } from "../locale-context";

/**
 * The languages as links (`?lang=`, which the page reads at start: device/locale-preference.ts) in a
 * disclosure, not a <select>:
 * - a closed disclosure's list is not laid out, where a select laid out every option's name, each in
 *   its own script and fonts, before a survey page's first paint: ~100 ms of a slow phone's first
 *   layout (bench/RESULTS.md, first visit);
 * - a link works in the HTML's first screen before the app runs, or without it, with no script;
 * - choosing is an explicit press, not a change of context on input (WCAG 3.2.2).
 * Once the app runs, a press changes the language in place: answers in progress stay.
 */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = (focusSummary: boolean) => {
    if (!details.current) return;
    details.current.open = false;
    if (focusSummary) details.current.querySelector("summary")?.focus();
  };
  // Open, the list lies over the page: a press anywhere else closes it, as a menu's would.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!details.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);
  return (
    <details
      class="language-switch"
      ref={details}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && details.current?.open) close(true);
      }}
    >
      <summary>
        <span class="language-switch__label">{t("header.language")}</span>{" "}
        <span class="language-switch__current">{LANGUAGE_NAMES[locale]}</span>
      </summary>
      <ul class="language-switch__list">
        {LOCALES.map((l) => (
          <li key={l}>
            <a
              href={`?lang=${l}`}
              lang={l}
              hreflang={l}
              aria-current={l === locale ? "true" : undefined}
              onClick={(event) => {
                if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
                event.preventDefault();
                close(true);
                void setLocale(l);
              }}
            >
              {LANGUAGE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
