import { useState } from "preact/hooks";
import type { ReviewSummary } from "../../contract/reviews";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { isKeyingReason } from "../../domain/paper-keying";
import type { ReviewState } from "../../domain/review";
import { t } from "../../i18n";
import { changeReviews, fetchReviews, undoReviewChange } from "../collector/dashboard-api";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { BusyButton } from "../components/busy-button";
import { ColumnHeads } from "../components/column-heads";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { formatCount } from "./format";
import { TableWrap } from "./table-wrap";

type Group = ReviewSummary["groups"][number];

/** The collector's own reasons in words; an analyst's reason is shown as they wrote it. */
function reasonText(group: Group): string {
  if (group.state === "held" && group.reason === "burst") return t("reviews.burst");
  if (group.state === "held" && group.reason === "clock") return t("reviews.clock");
  if (isKeyingReason(group.reason)) return t(`reviews.keying.${group.reason}`);
  return group.reason ?? "";
}

/**
 * What the collector stored but does not count: a burst from one source, a clock that cannot be
 * true, or what an analyst excluded. The analyst counts or excludes a whole group at once, saying
 * why; the tallies above change with it (`onChanged`).
 */
export function ReviewSection(props: { surveyId: string; onUnauthorized(): void; onChanged(): void }) {
  const { locale } = useLocale();
  const [load, retry] = useResource(() => fetchReviews(props.surveyId), props.surveyId);
  const [why, setWhy] = useState("");
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; error: boolean } | undefined>();

  const move = async (group: Group, to: ReviewState) => {
    if (!why.trim()) {
      setSaid({ text: t("reviews.whyMissing"), error: true });
      return;
    }
    setBusy(true);
    try {
      const { changed } = await changeReviews(props.surveyId, {
        filter: {
          state: group.state,
          ...(group.reason !== null && { reason: group.reason }),
          wave: group.wave,
        },
        state: to,
        reason: why.trim(),
      });
      setSaid({ text: t("reviews.changed", { n: changed }), error: false });
      retry();
      props.onChanged();
    } catch (error) {
      if (error instanceof UnauthorizedError) props.onUnauthorized();
      else setSaid({ text: t("reviews.failed"), error: true });
    } finally {
      setBusy(false);
    }
  };

  const undo = async (changeId: string) => {
    if (!why.trim()) {
      setSaid({ text: t("reviews.whyMissing"), error: true });
      return;
    }
    setBusy(true);
    try {
      const { changed } = await undoReviewChange(props.surveyId, changeId, why.trim());
      setSaid({ text: t("reviews.changed", { n: changed }), error: false });
      retry();
      props.onChanged();
    } catch (error) {
      if (error instanceof UnauthorizedError) props.onUnauthorized();
      else setSaid({ text: t("reviews.failed"), error: true });
    } finally {
      setBusy(false);
    }
  };
  const changes = load.status === "ready" ? load.value.changes : [];

  return (
    <section class="dashboard-section" aria-labelledby="reviews-title" data-testid="reviews">
      <h2 id="reviews-title">{t("reviews.title")}</h2>
      <p>{t("reviews.intro")}</p>
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && <LoadError onRetry={retry} />}
      {load.status === "ready" && load.value.groups.length === 0 && <p>{t("reviews.none")}</p>}
      {load.status === "ready" && load.value.groups.length > 0 && (
        <>
          <label class="control">
            <span class="field-label">{t("reviews.why")}</span>
            <input
              type="text"
              maxLength={200}
              value={why}
              onInput={(event) => setWhy(event.currentTarget.value)}
            />
          </label>
          <TableWrap label={t("reviews.caption")}>
            <table class="group-table">
              <caption>{t("reviews.caption")}</caption>
              <ColumnHeads
                columns={[
                  t("reviews.state"),
                  t("reviews.reason"),
                  t("dashboard.wave"),
                  { numeric: t("responseCounts.count") },
                  t("reviews.actions"),
                ]}
              />
              <tbody>
                {load.value.groups.map((group) => (
                  <tr key={`${group.state}|${group.reason}|${group.wave}`}>
                    <th scope="row">{group.state === "held" ? t("reviews.held") : t("reviews.excluded")}</th>
                    <td>{reasonText(group)}</td>
                    <td>{formatFiscalYear(group.wave, locale)}</td>
                    <td class="num">{formatCount(group.n, locale)}</td>
                    <td>
                      {/* A paper form's keyings are settled by keying it again, not counted by hand:
                          counting both keyings of a form in dispute would count the form twice. */}
                      {!isKeyingReason(group.reason) && (
                        <BusyButton
                          class="button button--small"
                          busy={busy}
                          onClick={() => move(group, "counted")}
                        >
                          {t("reviews.count")}
                        </BusyButton>
                      )}{" "}
                      {group.state === "held" && (
                        <BusyButton
                          class="button button--small button--quiet"
                          busy={busy}
                          onClick={() => move(group, "excluded")}
                        >
                          {t("reviews.exclude")}
                        </BusyButton>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      {changes.length > 0 && (
        <TableWrap label={t("reviews.changesCaption")}>
          <table class="group-table">
            <caption>{t("reviews.changesCaption")}</caption>
            <ColumnHeads
              columns={[
                t("reviews.changedAt"),
                t("reviews.changedBy"),
                t("reviews.reason"),
                { numeric: t("responseCounts.count") },
                t("reviews.actions"),
              ]}
            />
            <tbody>
              {changes.map((change) => (
                <tr key={change.id}>
                  <th scope="row">
                    {new Date(change.at).toLocaleString(locale, { timeZone: "Asia/Tokyo" })}
                  </th>
                  <td>{change.actor ?? ""}</td>
                  <td>{change.undoes ? t("reviews.undoOf", { reason: change.reason }) : change.reason}</td>
                  <td class="num">{formatCount(change.n, locale)}</td>
                  <td>
                    {change.undoneBy ? (
                      t("reviews.undone")
                    ) : (
                      <BusyButton
                        class="button button--small button--quiet"
                        busy={busy}
                        onClick={() => undo(change.id)}
                      >
                        {t("reviews.undo")}
                      </BusyButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p role="status" class={said?.error ? "field-error" : undefined}>
        {said?.text}
      </p>
    </section>
  );
}
