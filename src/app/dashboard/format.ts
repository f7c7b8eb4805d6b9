import type { Target } from "../../domain/definition";

/** Percent with one decimal in the reader's locale: 「72.4%」, "72.4%", "72,4 %". */
export function formatPercent(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value / 100);
}

export function formatInterval(ci: readonly [number, number] | null, locale: string): string {
  if (!ci) return "—";
  return `${formatPercent(ci[0], locale)} – ${formatPercent(ci[1], locale)}`;
}

/** "≥ 70%": symbols read the same in every language the dashboard speaks. */
export function formatTarget(target: Target | null, locale: string): string {
  if (!target) return "—";
  const digits = Number.isInteger(target.value) ? 0 : 1;
  return `${target.op === ">=" ? "≥" : "≤"} ${formatPercent(target.value, locale, digits)}`;
}

export function formatCount(n: number | null, locale: string): string {
  return n === null ? "—" : new Intl.NumberFormat(locale).format(n);
}
