/**
 * Which groups of a breakdown to hide. Primary: a base below minCell. Secondary: when exactly one
 * cell is hidden and the total is published, total − Σ(shown) would give it back, so the smallest
 * shown group is hidden too. Respondents who did not answer the breakdown question form a cell of
 * their own that is never shown: when it is non-empty it already masks a lone suppressed group.
 */
export function suppressedKeys(
  groups: readonly { key: string; n: number }[],
  total: number,
  minCell: number,
): Set<string> {
  const hidden = new Set(groups.filter((g) => g.n < minCell).map((g) => g.key));
  const remainder = total - groups.reduce((sum, g) => sum + g.n, 0);
  const unknownCells = hidden.size + (remainder > 0 ? 1 : 0);
  if (hidden.size > 0 && unknownCells === 1) {
    const next = groups
      .filter((g) => !hidden.has(g.key))
      .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return hidden;
}
