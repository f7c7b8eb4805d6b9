import { t } from "../../i18n";
import { Link } from "../router/link";
import { LanguageSwitch } from "./language-switch";

/** The app's name and the language switch; a kiosk's name leads nowhere, so no respondent leaves it. */
export function AppHeader({ kiosk }: { kiosk: boolean }) {
  return (
    <header class="app-header">
      {kiosk ? (
        <span class="app-header__title">{t("header.appName")}</span>
      ) : (
        <Link href="/" class="app-header__title">
          {t("header.appName")}
        </Link>
      )}
      <LanguageSwitch />
    </header>
  );
}
