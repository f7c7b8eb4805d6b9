import type { ItemResult } from "../../contract/responses";
import { lookUpNamedVersions } from "../published-surveys";
import type { IntakeQuota } from "../storage/intake-storage";
import type { InvitationRefusal } from "../storage/invitation-batch-storage";
import type { ResponseStorage } from "../storage/response-storage";
import type { SurveyRegistry } from "../surveys";
import { judgeItem, type Sender } from "./judge";

/** The English beside each refusal of a code (the device words the code in its reader's language). */
const INVITATION_ERRORS: Record<InvitationRefusal, string> = {
  invitation_unknown: "invitation: no letter of this collector has this code",
  invitation_used: "invitation: this code was used by another response; one response per letter",
  invitation_other_survey: "invitation: this code is a letter of another survey",
};

/**
 * A batch's per-item results, in order. Valid items are stored in one transaction; the answer is
 * built only after it committed. An id that was already stored, or appears earlier in the same
 * batch, is a duplicate when its content hash matches what is stored and a conflict otherwise.
 */
export async function ingestBatch(
  items: readonly unknown[],
  deps: { storage: Pick<ResponseStorage, "insertResponses">; surveys: SurveyRegistry; now?: () => Date },
  sender: Omit<Sender, "receivedAt"> & { intake?: IntakeQuota } = {},
): Promise<ItemResult[]> {
  const received = deps.now?.() ?? new Date();
  // A version another collector process published since this one started is read before judging.
  await lookUpNamedVersions(deps.surveys, items);
  const judged = items.map((item) => judgeItem(item, deps.surveys, { ...sender, receivedAt: received }));
  const rows = judged.flatMap((j) => (j.ok ? [j.row] : []));
  // A held response is "accepted" all the same: it is stored, and the device must not send it again.
  const { inserted, storedHashes, refused } = await deps.storage.insertResponses(
    rows,
    received.toISOString(),
    sender.intake,
  );

  const answered = new Set<string>();
  return judged.map((j): ItemResult => {
    if (!j.ok) return j.result;
    const { id } = j.row.response;
    const refusal = refused.get(id);
    if (refusal) return { id, status: "rejected", code: refusal, error: INVITATION_ERRORS[refusal] };
    const first = !answered.has(id);
    answered.add(id);
    if (first && inserted.has(id)) return { id, status: "accepted" };
    const stored = storedHashes.get(id);
    if (stored === undefined) throw new Error(`response ${id} is neither new nor stored`);
    if (stored === j.row.contentHash) return { id, status: "duplicate" };
    return {
      id,
      status: "conflict",
      code: "content_differs",
      error: "this id is stored with other content; nothing was changed",
    };
  });
}
