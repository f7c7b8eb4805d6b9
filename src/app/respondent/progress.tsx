import { formatNumber, t } from "../../i18n";

/**
 * "3 / 12" and a bar. The bar is an SVG whose fill is sized by an attribute, not a style: the first
 * screen is also drawn into the HTML (build/first-screen.tsx), where a style attribute would break
 * the Content-Security-Policy (style-src 'self').
 */
export function Progress({ current, total }: { current: number; total: number }) {
  return (
    <div class="progress">
      <p class="progress__text">
        <span class="visually-hidden">{t("respondent.questionNumber")} </span>
        {formatNumber(current)} / {formatNumber(total)}
      </p>
      <svg
        class="progress__bar"
        viewBox={`0 0 ${Math.max(total, 1)} 1`}
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect class="progress__fill" width={Math.min(current, Math.max(total, 1))} height="1" />
      </svg>
    </div>
  );
}
