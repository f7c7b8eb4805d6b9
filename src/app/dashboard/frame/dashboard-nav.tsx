import type { Role } from "../../../contract/accounts";
import { t } from "../../../i18n";
import { Link } from "../../router/link";
import { DASHBOARD_SECTIONS, type DashboardSection, dashboardPath } from "../../router/routes";
import "./frame.css";
import { mayOpen } from "./sections";

/** The dashboard's screens this account may open, the current one marked for screen readers too. */
export function DashboardNav({ role, current }: { role: Role; current: DashboardSection }) {
  return (
    <nav class="dashboard-nav" aria-label={t("sections.navLabel")}>
      <ul>
        {DASHBOARD_SECTIONS.filter((section) => mayOpen(role, section)).map((section) => (
          <li key={section}>
            <Link
              href={dashboardPath(section)}
              class="dashboard-nav__link"
              aria-current={section === current ? "page" : undefined}
            >
              {t(`sections.${section}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
