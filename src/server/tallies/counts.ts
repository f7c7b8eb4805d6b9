import type { ResponseCounts } from "../../contract/counts";
import { hiddenGroupsOfIndicators } from "../../domain/breakdown";
import type { SurveyDefinition } from "../../domain/definition";
import { type EventDeviceCount, hiddenEventsAndDevices } from "../../domain/suppression";
import type { TallyStorage } from "../storage/tally-storage";
import { foldByWaveAndGroup } from "./fold";

/**
 * The events the tallies' by=event hides for any indicator, per wave and over the waves asked:
 * /counts must hide them too, since an event's count of responses is an indicator's base whenever
 * everyone at the event answered it.
 */
async function hiddenByEvent(storage: TallyStorage, def: SurveyDefinition, wave: number | null) {
  const rows = await storage.countOptionsByGroups({
    surveyId: def.id,
    wave,
    questionIds: def.indicators.map((i) => i.questionId),
    by: [{ kind: "event" }],
  });
  return hiddenGroupsOfIndicators(def.indicators, foldByWaveAndGroup(rows), def.minCell);
}

/**
 * The rows as stored (most responses first), the hidden ones last and by id: in their stored
 * place they would still tell which of two hidden events had more responses.
 */
function shownThenHidden<T extends { n: number }>(
  rows: readonly T[],
  keyOf: (row: T) => string | null,
  hidden: ReadonlySet<string>,
): (Omit<T, "n"> & { n: number | null; suppressed: boolean })[] {
  const isHidden = (row: T) => {
    const key = keyOf(row);
    return key !== null && hidden.has(key);
  };
  const byKey = (a: T, b: T) => ((keyOf(a) ?? "") < (keyOf(b) ?? "") ? -1 : 1);
  return [
    ...rows.filter((r) => !isHidden(r)).map((r) => ({ ...r, suppressed: false })),
    ...rows
      .filter(isHidden)
      .sort(byKey)
      .map((r) => ({ ...r, n: null, suppressed: true })),
  ];
}

/**
 * GET /counts: stored responses per day, event, device and version, with the events and devices
 * hidden that the tallies would hide (hiddenEventsAndDevices). Days and versions are not
 * suppressed: neither is a group of people a breakdown hides.
 */
export async function computeCounts(
  storage: TallyStorage,
  def: SurveyDefinition,
  wave: number | null,
): Promise<ResponseCounts> {
  const [stored, byEvent] = await Promise.all([
    storage.countResponses({ surveyId: def.id, wave }),
    hiddenByEvent(storage, def, wave),
  ]);
  const byWave = new Map<number, EventDeviceCount[]>();
  for (const { wave: w, ...row } of stored.byWaveEventDevice) byWave.set(w, [...(byWave.get(w) ?? []), row]);
  const hidden = hiddenEventsAndDevices(byWave, byEvent, def.minCell);
  return {
    surveyId: def.id,
    wave,
    byDay: stored.byDay,
    byEvent: shownThenHidden(stored.byEvent, (e) => e.eventId, hidden.events),
    byDevice: shownThenHidden(stored.byDevice, (d) => d.deviceId, hidden.devices),
    byVersion: stored.byVersion,
  };
}
