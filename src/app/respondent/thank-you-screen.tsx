import { t } from "../../i18n";
import { ThanksHeading } from "../components/thanks-heading";
import { ResultsLink } from "./results-link";
import { useDelivery } from "./use-delivery";

/** Shown only after the response is on disk; then follows it until the collector has it. */
export function ThankYouScreen(props: { responseId: string; surveyId: string; onAgain(): void }) {
  const { responseId, onAgain } = props;
  const delivery = useDelivery(responseId);
  return (
    <div class="thanks">
      <ThanksHeading />
      <p class={`thanks__delivery thanks__delivery--${delivery}`} role="status">
        {delivery === "sent" ? t("thanks.sent") : delivery === "held" ? t("thanks.held") : t("thanks.saved")}
      </p>
      <ResultsLink surveyId={props.surveyId} />
      <button type="button" class="button button--secondary button--wide" onClick={onAgain}>
        {t("thanks.again")}
      </button>
    </div>
  );
}
