import { useState } from "preact/hooks";
import type { ImportSummary } from "../../contract/imports";
import type { ItemStatus } from "../../contract/responses";
import { t } from "../../i18n";
import { importBackupFile } from "../collector/dashboard-api";
import { itemReason } from "../collector/item-reason";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { Field } from "../components/field";
import { useLocale } from "../locale-context";
import { collectorProblem, ProblemDetails, type ProblemText } from "./collector-problem";
import { formatCount } from "./format";

type Upload =
  | { phase: "idle" }
  | { phase: "importing" }
  | { phase: "done"; summary: ImportSummary }
  | { phase: "failed"; problem: ProblemText };

const STATUSES: readonly ItemStatus[] = ["accepted", "duplicate", "conflict", "rejected"];
/** Enough to act on; the rest are in the collector's answer and in the device's own list. */
const MAX_LISTED = 50;

/**
 * The organizer's side of a device backup: a file from a tablet that never got a network goes to
 * the collector through the same checks and dedupe as sync, and the summary says what became of it.
 */
export function BackupUpload({ onUnauthorized }: { onUnauthorized(): void }) {
  const { locale } = useLocale();
  const [file, setFile] = useState<File | undefined>();
  const [upload, setUpload] = useState<Upload>({ phase: "idle" });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file || upload.phase === "importing") return;
    setUpload({ phase: "importing" });
    try {
      setUpload({ phase: "done", summary: await importBackupFile(file) });
    } catch (error) {
      if (error instanceof UnauthorizedError) return onUnauthorized();
      // In the reader's language from the collector's code: its English was shown here before.
      setUpload({ phase: "failed", problem: collectorProblem(error) });
    }
  };

  return (
    <section class="backup-upload" aria-labelledby="backup-upload-title">
      <h2 id="backup-upload-title">{t("backupUpload.title")}</h2>
      <form onSubmit={submit}>
        <Field id="backup-file" label={t("backupUpload.fileLabel")} hint={t("backupUpload.help")}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".json,application/json"
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0]);
                setUpload({ phase: "idle" });
              }}
            />
          )}
        </Field>
        {/* While importing, aria-disabled: a disabled button drops the focus of whoever pressed it (BusyButton). */}
        <button
          type="submit"
          class="button button--primary"
          disabled={!file}
          aria-disabled={upload.phase === "importing"}
        >
          {upload.phase === "importing" ? t("backupUpload.importing") : t("backupUpload.submit")}
        </button>
      </form>
      <div aria-live="polite">
        {upload.phase === "failed" && (
          <div class="notice notice--error" role="alert">
            <p>{t("backupUpload.failed")}</p>
            <ProblemDetails problem={upload.problem} />
            <p>{t("backupUpload.retrySafe")}</p>
          </div>
        )}
        {upload.phase === "done" && <Summary summary={upload.summary} locale={locale} />}
      </div>
    </section>
  );
}

function Summary({ summary, locale }: { summary: ImportSummary; locale: string }) {
  const refused = summary.results.filter((r) => r.status === "conflict" || r.status === "rejected");
  return (
    <div class="backup-upload__summary">
      <p class="is-success">{t("backupUpload.done")}</p>
      <dl class="backup-upload__counts">
        {STATUSES.map((status) => (
          <div key={status}>
            <dt>{t(`backupUpload.${status}`)}</dt>
            <dd>{formatCount(summary[status], locale)}</dd>
          </div>
        ))}
      </dl>
      {refused.length > 0 && (
        <>
          <h3>{t("backupUpload.refused")}</h3>
          <ul class="backup-upload__refused">
            {refused.slice(0, MAX_LISTED).map((r, i) => (
              <li key={`${r.id}-${i}`}>
                <code>{r.id}</code> — {t(`backupUpload.${r.status}`)}:{" "}
                {itemReason({
                  status: r.status === "conflict" ? "conflict" : "rejected",
                  code: r.code,
                  error: r.error,
                })}
              </li>
            ))}
          </ul>
          {refused.length > MAX_LISTED && (
            <p class="hint">
              {t("backupUpload.more", { n: formatCount(refused.length - MAX_LISTED, locale) })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
