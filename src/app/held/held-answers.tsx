import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import type { OutboxRecord } from "../../outbox";
import { recordReason } from "../collector/item-reason";
import { BusyButton } from "../components/busy-button";
import { downloadBackup } from "../device/backup";
import { heldAnswers, keepAsNewResponse } from "../device/held-answers";
import { syncStatus } from "../device/sync";
import { useStore } from "../hooks/use-store";
import { useLocale } from "../locale-context";

/**
 * Each answer the collector did not take, with what it answered and what can be done: "要確認 1 件"
 * alone told nobody which answer or what next. Shared by the resident's /held page, /settings and
 * the kiosk's staff panel; reloads whenever the sync status changes.
 */
export function HeldAnswers() {
  const status = useStore(syncStatus);
  const [records, setRecords] = useState<OutboxRecord[]>();
  // How many this screen kept as new: the kept one leaves the list, so the word that it went is here.
  const [kept, setKept] = useState(0);
  useEffect(() => {
    heldAnswers().then(setRecords, () => setRecords([]));
  }, [status, kept]);
  return (
    <>
      <p role="status" class="hint">
        {kept > 0 && t("held.kept")}
      </p>
      {records?.length === 0 && <p class="hint">{t("held.none")}</p>}
      {records && records.length > 0 && (
        <ul class="held-list">
          {records.map((record) => (
            <HeldAnswer key={record.id} record={record} onKept={() => setKept((n) => n + 1)} />
          ))}
        </ul>
      )}
    </>
  );
}

type Outcome = "none" | "exported" | "failed";

function HeldAnswer({ record, onKept }: { record: OutboxRecord; onKept(): void }) {
  const { locale } = useLocale();
  const [outcome, setOutcome] = useState<Outcome>("none");
  const [working, setWorking] = useState(false);
  const run = async (action: () => Promise<Outcome>) => {
    setWorking(true);
    setOutcome(await action().catch((): Outcome => "failed"));
    setWorking(false);
  };
  const keep = () =>
    run(async () => {
      if (!(await keepAsNewResponse(record.id))) return "failed";
      onKept();
      return "none";
    });
  const exportOne = () =>
    run(async () => {
      await downloadBackup([record.id]);
      return "exported";
    });
  const when = Date.parse(record.response.submittedAt);
  return (
    <li class="held-list__item" data-held={record.id}>
      <p class="held-list__when">
        {Number.isNaN(when)
          ? t("held.unknownTime")
          : t("held.answeredAt", {
              time: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(when),
            })}
      </p>
      <p>
        <strong>{t("held.collectorSaid")}</strong> {recordReason(record)}
      </p>
      <p class="hint">{record.state === "conflict" ? t("held.conflictHelp") : t("held.rejectedHelp")}</p>
      <div class="nav-buttons">
        {record.state === "conflict" && !record.corrupt && (
          <BusyButton class="button button--primary" busy={working} onClick={keep}>
            {t("held.keepAsNew")}
          </BusyButton>
        )}
        <BusyButton class="button button--secondary" busy={working} onClick={exportOne}>
          {t("held.export")}
        </BusyButton>
      </div>
      <p role="status" class={outcome === "failed" ? "field-error" : "hint"}>
        {outcome === "exported" && t("held.exported")}
        {outcome === "failed" && t("held.failed")}
      </p>
    </li>
  );
}
