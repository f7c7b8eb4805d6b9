/**
 * Splits rows for multi-row statements: SQLite allows 32766 bound parameters a statement and
 * PostgreSQL 65535, so a 500-item batch with many ticks must be cut.
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
