import type { SurveyDefinition } from "../../domain/definition";
import { t } from "../../i18n";
import { fetchTrend } from "../collector/dashboard-api";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { useLocale } from "../locale-context";
import { TrendView } from "./trend-view";
import { useOrganizerResource } from "./use-organizer-resource";

/** The trend screen: each indicator wave by wave, with the change and its interval. */
export function TrendSection({ def, onUnauthorized }: { def: SurveyDefinition; onUnauthorized(): void }) {
  const { locale } = useLocale();
  const [trend, retry] = useOrganizerResource(() => fetchTrend(def.id), def.id, onUnauthorized);
  if (trend.status === "loading") return <Loading />;
  if (trend.status === "failed") return <LoadError onRetry={retry} />;
  if (trend.value.waves.length === 0) return <p>{t("dashboard.noResponses")}</p>;
  return <TrendView trend={trend.value} def={def} locale={locale} />;
}
