import { t } from "../../i18n";
import { HomeLink } from "../components/home-link";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useLocale } from "../locale-context";
import { HeldAnswers } from "./held-answers";

/** "/held": where the status bar's "needs checking" leads a resident (a chunk of its own). */
export function HeldPage() {
  useLocale();
  const headingRef = useFocusOnShow<HTMLHeadingElement>();
  return (
    <div class="page held">
      <h1 ref={headingRef} tabIndex={-1}>
        {t("held.title")}
      </h1>
      <p>{t("held.intro")}</p>
      <HeldAnswers />
      <HomeLink />
    </div>
  );
}
