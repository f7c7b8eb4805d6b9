import { useEffect, useState } from "preact/hooks";
import { type Delivery, deliveryOf } from "../device/submit-response";
import { syncStatus } from "../device/sync";
import { useStore } from "../hooks/use-store";

/** Where one response stands, looked up again whenever the sync engine reports. */
export function useDelivery(responseId: string): Delivery {
  const status = useStore(syncStatus);
  const [delivery, setDelivery] = useState<Delivery>("saved");
  useEffect(() => {
    let current = true;
    deliveryOf(responseId).then(
      (d) => current && setDelivery(d),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [responseId, status]);
  return delivery;
}
