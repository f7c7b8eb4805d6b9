// CPU time by process, for the figures that share this machine's two cores between Chromium and the
// collector: a wall-clock ratio alone cannot say whether a side waited or worked.
import { readdirSync, readFileSync } from "node:fs";

/** CPU milliseconds so far: Chromium's by kind of process (browser, renderer, utility), and this process's own. */
export type CpuSample = Record<string, number>;

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every Linux there is). */
const TICK_MS = 10;

export const THIS_PROCESS = "collector (bench's own process)";

function chromiumKind(commandLine: string): string | undefined {
  if (!commandLine.includes("chromium")) return undefined;
  const type = /--type=([a-z-]+)/.exec(commandLine)?.[1];
  // The browser process is the one without a type: it holds IndexedDB's backend, among others.
  if (!type) return "browser";
  const service = /--utility-sub-type=([A-Za-z.]+)/.exec(commandLine)?.[1];
  return service ? `${type} (${service})` : type;
}

/**
 * Reads /proc once: this process's Chromium (its descendants only: other work on the shared machine
 * runs browsers too), and this process itself. Only this process where there is no /proc (not Linux).
 */
export function cpuSample(): CpuSample {
  const own = process.cpuUsage();
  const sample: CpuSample = { [THIS_PROCESS]: (own.user + own.system) / 1000 };
  const stats = new Map<number, { parent: number; ticks: number }>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return sample;
  }
  for (const pid of pids) {
    try {
      // Fields after the command name, which is in parentheses and may hold spaces: the parent is
      // the 4th field of the line, utime and stime the 14th and 15th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      stats.set(Number(pid), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let at = stats.get(pid)?.parent, hops = 0; at !== undefined && hops < 64; hops++) {
      if (at === process.pid) return true;
      at = stats.get(at)?.parent;
    }
    return false;
  };
  for (const [pid, { ticks }] of stats) {
    if (!isOurs(pid) || !Number.isFinite(ticks)) continue;
    try {
      const kind = chromiumKind(readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " "));
      if (kind) sample[kind] = (sample[kind] ?? 0) + ticks * TICK_MS;
    } catch {
      // Gone meanwhile.
    }
  }
  return sample;
}

/** What each kind of process spent between two samples (kinds that spent nothing are left out). */
export function cpuSpent(before: CpuSample, after: CpuSample): CpuSample {
  const spent: CpuSample = {};
  for (const [kind, ms] of Object.entries(after)) {
    const used = ms - (before[kind] ?? 0);
    if (used > 0) spent[kind] = used;
  }
  return spent;
}

export async function withCpu<T>(run: () => Promise<T>): Promise<{ result: T; cpu: CpuSample }> {
  const before = cpuSample();
  const result = await run();
  return { result, cpu: cpuSpent(before, cpuSample()) };
}

/** "browser 4.3 s, renderer 3.5 s, ...", largest first. */
export function describeCpu(cpu: CpuSample): string {
  return Object.entries(cpu)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `${kind} ${(ms / 1000).toFixed(1)} s`)
    .join(", ");
}

export const totalCpu = (cpu: CpuSample) => Object.values(cpu).reduce((sum, ms) => sum + ms, 0);
