import { useEffect, useRef } from "preact/hooks";
import { t } from "../../i18n";
import { useDelivery } from "./use-delivery";

/** Shown only after the response is on disk; then follows it until the collector has it. */
export function ThankYouScreen({ responseId, onAgain }: { responseId: string; onAgain(): void }) {
  const delivery = useDelivery(responseId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div class="thanks">
      <p class="thanks__mark" aria-hidden="true">
        ✓
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {t("thanks.title")}
      </h1>
      <p class={`thanks__delivery thanks__delivery--${delivery}`} role="status">
        {delivery === "sent" ? t("thanks.sent") : delivery === "held" ? t("thanks.held") : t("thanks.saved")}
      </p>
      <button type="button" class="button button--secondary button--wide" onClick={onAgain}>
        {t("thanks.again")}
      </button>
    </div>
  );
}
