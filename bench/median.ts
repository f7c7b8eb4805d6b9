/** The middle value (the upper of the two middle ones for an even count); NaN for none. */
export const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The item whose `ms` is the median: its other figures are read from that same run. */
export function medianRun<T extends { ms: number }>(runs: readonly T[]): T {
  const run = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
  if (!run) throw new Error("no runs");
  return run;
}
