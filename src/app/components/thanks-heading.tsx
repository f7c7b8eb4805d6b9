import { t } from "../../i18n";
import { useFocusOnShow } from "../hooks/use-focus-on-show";

/** How every "thank you" opens, a resident's or a kiosk's: the mark, and the heading that takes the focus. */
export function ThanksHeading() {
  const headingRef = useFocusOnShow<HTMLHeadingElement>();
  return (
    <>
      <p class="thanks__mark" aria-hidden="true">
        ✓
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {t("thanks.title")}
      </h1>
    </>
  );
}
