import { t } from "../../i18n";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { useLocale } from "../locale-context";
import { Link } from "../router/link";
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
      <p>
        <Link href="/" class="tap-link">
          {t("common.home")}
        </Link>
      </p>
    </div>
  );
}
