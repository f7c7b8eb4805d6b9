import { useMemo } from "preact/hooks";
import type { SurveyDefinition } from "../../domain/definition";
import type { SyncStatus } from "../../sync/status";
import { storageEstimate } from "../device/browser-storage";
import type { KioskState } from "../device/kiosk";
import { type KioskStats, kioskStats } from "../device/kiosk-stats";
import { latest, useResource } from "../hooks/use-resource";

export interface StaffFacts {
  /** undefined until first counted. */
  stats?: KioskStats;
  estimate: { usage?: number; quota?: number };
}

/**
 * What the tablet holds and has sent, and its storage: counted again at each report of the sync
 * engine; the last figures stay on screen meanwhile, and when a count fails.
 */
export function useStaffFacts(kiosk: KioskState, def: SurveyDefinition, status: SyncStatus): StaffFacts {
  const count = useMemo(() => ({}), [kiosk, def, status]);
  const [stats] = useResource(() => kioskStats(kiosk, def), count, { keep: true });
  const [estimate] = useResource(storageEstimate, count, { keep: true });
  return { stats: latest(stats), estimate: latest(estimate) ?? {} };
}
