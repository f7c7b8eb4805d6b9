import type { z } from "zod/mini";
import type { SingleChoiceQuestion } from "../../domain/definition";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { localizeShort } from "../../domain/locales";
import { t } from "../../i18n";

/** The wave and the breakdown the tallies are for. */
export function TallyPickers(props: {
  waves: number[];
  shownWave: number | undefined;
  onWave(wave: number | "all"): void;
  questions: z.infer<typeof SingleChoiceQuestion>[];
  by: string;
  onBy(by: string): void;
  locale: string;
}) {
  const { locale } = props;
  return (
    <div class="controls">
      <label class="control">
        <span class="field-label">{t("dashboard.wave")}</span>
        <select
          value={props.shownWave === undefined ? "all" : String(props.shownWave)}
          data-testid="wave"
          onChange={(event) => {
            const value = event.currentTarget.value;
            props.onWave(value === "all" ? "all" : Number(value));
          }}
        >
          {props.waves.map((fy) => (
            <option key={fy} value={String(fy)}>
              {formatFiscalYear(fy, locale)}
            </option>
          ))}
          <option value="all">{t("dashboard.allWaves")}</option>
        </select>
      </label>
      <label class="control">
        <span class="field-label">{t("dashboard.breakdown")}</span>
        <select
          value={props.by}
          data-testid="breakdown"
          onChange={(event) => props.onBy(event.currentTarget.value)}
        >
          <option value="">{t("dashboard.noBreakdown")}</option>
          {props.questions.map((q) => (
            <option key={q.id} value={q.id}>
              {localizeShort(q, locale)}
            </option>
          ))}
          <option value="mode">{t("organizer.byMode")}</option>
          <option value="event">{t("organizer.byEvent")}</option>
        </select>
      </label>
    </div>
  );
}
