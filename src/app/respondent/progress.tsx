import { formatNumber, t } from "../../i18n";

export function Progress({ current, total }: { current: number; total: number }) {
  return (
    <div class="progress">
      <p class="progress__text">
        <span class="visually-hidden">{t("respondent.questionNumber")} </span>
        {formatNumber(current)} / {formatNumber(total)}
      </p>
      <div class="progress__bar" aria-hidden="true">
        <div class="progress__fill" style={{ width: `${(current / Math.max(total, 1)) * 100}%` }} />
      </div>
    </div>
  );
}
