import type { Target } from "../../domain/definition";

const TARGET = /^(>=|<=|≥|≦|≤|≧)\s*(\d+(?:\.\d+)?)\s*%?$/;

/** `>= 70` (also `≥ 70`, `>=70%`) as a target; null when it is not one (a percent from 0 to 100). */
export function parseTarget(text: string): Target | null {
  const m = TARGET.exec(text.trim());
  if (!m?.[1] || !m[2]) return null;
  const value = Number(m[2]);
  if (value > 100) return null;
  return { op: m[1] === ">=" || m[1] === "≥" || m[1] === "≧" ? ">=" : "<=", value };
}

export function formatTarget(target: Target): string {
  return `${target.op} ${target.value}`;
}
