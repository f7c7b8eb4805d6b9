import { t } from "../../i18n";
import { Link } from "../router/link";

/** The way back to the start page, at the foot of a staff or resident page. */
export function HomeLink() {
  return (
    <p>
      <Link href="/" class="tap-link">
        {t("common.home")}
      </Link>
    </p>
  );
}
