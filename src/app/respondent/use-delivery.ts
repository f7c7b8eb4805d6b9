import { useMemo } from "preact/hooks";
import { type Delivery, deliveryOf } from "../device/submit-response";
import { syncStatus } from "../device/sync";
import { latest, useResource } from "../hooks/use-resource";
import { useStore } from "../hooks/use-store";

/** Where one response stands, looked up again whenever the sync engine reports. */
export function useDelivery(responseId: string): Delivery {
  const status = useStore(syncStatus);
  const lookup = useMemo(() => ({}), [responseId, status]);
  // Until the first answer, "saved"; a failed look-up keeps what was last known.
  const [delivery] = useResource(() => deliveryOf(responseId), lookup, { keep: true });
  return latest(delivery) ?? "saved";
}
