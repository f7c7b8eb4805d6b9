import type { ResponseRate } from "../../contract/invitation-batches";
import type { InvitationBatchStorage } from "../storage/invitation-batch-storage";

/** (online + paper) / mailed in percent, one decimal; null when nothing was mailed. */
export const ratePercent = (mailed: number, online: number, paper: number): number | null =>
  mailed === 0 ? null : Math.round(((online + paper) / mailed) * 1000) / 10;

/**
 * The mailed sample's response rate of a wave: letters mailed (codes made), codes used from a
 * device, and paper forms returned. A paper form is counted whether it carried its code or not (all
 * paper forms went to the sample), so the wave's paper is its counted responses of mode "paper";
 * a stratum's is the paper forms that carried one of its codes.
 */
export async function computeResponseRate(
  storage: Pick<InvitationBatchStorage, "invitationUse" | "countedByMode">,
  surveyId: string,
  wave: number,
): Promise<ResponseRate> {
  const [use, byChannel] = await Promise.all([
    storage.invitationUse(surveyId, wave),
    storage.countedByMode(surveyId, wave),
  ]);
  const mailed = use.reduce((sum, s) => sum + s.mailed, 0);
  const online = use.reduce((sum, s) => sum + s.online, 0);
  const paper = byChannel.paper ?? use.reduce((sum, s) => sum + s.paper, 0);
  return {
    surveyId,
    wave,
    mailed,
    online,
    paper,
    rate: ratePercent(mailed, online, paper),
    byChannel,
    byStratum: use.map((s) => ({ ...s, rate: ratePercent(s.mailed, s.online, s.paper) })),
  };
}
