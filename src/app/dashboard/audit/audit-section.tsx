import { useState } from "preact/hooks";
import type { AuditEntry } from "../../../contract/audit";
import { t } from "../../../i18n";
import { fetchAudit, fetchAuditCsv } from "../../collector/accounts-api";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { BusyButton } from "../../components/busy-button";
import { ColumnHeads } from "../../components/column-heads";
import { LoadError } from "../../components/load-error";
import { Loading } from "../../components/loading";
import { saveFile } from "../../device/save-file";
import { useLocale } from "../../locale-context";
import { TableWrap } from "../table-wrap";
import { useOrganizerResource } from "../use-organizer-resource";
import { auditActionText, auditDetailText } from "./audit-words";

const PAGE = 100;

/**
 * The audit log (admin), newest first, a page at a time: who did what, when, to what. It holds no
 * answer, so it may be read and downloaded whole.
 */
export function AuditSection({ onUnauthorized }: { onUnauthorized(): void }) {
  const { locale } = useLocale();
  // The `at` of the last entry shown: each "older" press loads the page before it.
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const [downloading, setDownloading] = useState<"idle" | "busy" | "failed">("idle");
  const download = async () => {
    setDownloading("busy");
    try {
      saveFile(await fetchAuditCsv(), "audit.csv");
      setDownloading("idle");
    } catch (error) {
      if (error instanceof UnauthorizedError) return onUnauthorized();
      setDownloading("failed");
    }
  };
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });

  return (
    <section class="dashboard-section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("sections.audit")}</h2>
      <p class="hint">{t("audit.lead")}</p>
      <div class="download-row">
        <BusyButton class="button button--secondary" busy={downloading === "busy"} onClick={download}>
          {t("audit.download")}
        </BusyButton>
        {downloading === "failed" && (
          <span class="field-error" role="alert">
            {t("dashboard.downloadFailed")}
          </span>
        )}
      </div>
      <TableWrap label={t("sections.audit")}>
        <table data-testid="audit-table">
          <ColumnHeads
            columns={[
              t("audit.at"),
              t("audit.actor"),
              t("audit.action"),
              t("audit.target"),
              t("audit.detail"),
            ]}
          />
          {pages.map((before) => (
            <AuditPage
              key={before ?? "newest"}
              before={before}
              format={(at) => when.format(new Date(at))}
              onUnauthorized={onUnauthorized}
              onOlder={(at) => setPages((shown) => (shown.includes(at) ? shown : [...shown, at]))}
              last={before === pages[pages.length - 1]}
            />
          ))}
        </table>
      </TableWrap>
    </section>
  );
}

function AuditPage(props: {
  before: string | undefined;
  format(at: string): string;
  last: boolean;
  onOlder(at: string): void;
  onUnauthorized(): void;
}) {
  const [page, retry] = useOrganizerResource(
    () => fetchAudit({ limit: PAGE, ...(props.before !== undefined && { before: props.before }) }),
    props.before ?? "",
    props.onUnauthorized,
  );
  if (page.status !== "ready")
    return (
      <tbody>
        <tr>
          <td colSpan={5}>{page.status === "failed" ? <LoadError onRetry={retry} /> : <Loading />}</td>
        </tr>
      </tbody>
    );
  const entries = page.value.entries;
  const oldest = entries[entries.length - 1];
  return (
    <tbody>
      {entries.length === 0 && props.before === undefined && (
        <tr>
          <td colSpan={5}>{t("audit.empty")}</td>
        </tr>
      )}
      {entries.map((entry: AuditEntry) => (
        <tr key={entry.id}>
          <td>
            <time dateTime={entry.at}>{props.format(entry.at)}</time>
          </td>
          <td>{entry.actor ?? "—"}</td>
          <td>{auditActionText(entry.action)}</td>
          <td>{entry.target ?? "—"}</td>
          <td>{auditDetailText(entry.detail)}</td>
        </tr>
      ))}
      {props.last && oldest && entries.length === PAGE && (
        <tr>
          <td colSpan={5}>
            <button type="button" class="button button--secondary" onClick={() => props.onOlder(oldest.at)}>
              {t("audit.older")}
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}
