import { useState } from "preact/hooks";
import type { PublishResultsBody, ResultsSnapshot, ResultsText } from "../../../contract/results";
import { MAX_PUBLIC_BREAKDOWNS } from "../../../contract/results";
import type { SurveyDefinition } from "../../../domain/definition";
import { formatFiscalYear } from "../../../domain/fiscal-year";
import { localizeShort } from "../../../domain/locales";
import { t } from "../../../i18n";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import {
  collectorPageUrl,
  fetchPublishedResults,
  previewResults,
  publishResults,
  unpublishResults,
} from "../../collector/results-api";
import { BusyButton } from "../../components/busy-button";
import { latest, useResource } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { collectorProblem, ProblemDetails, type ProblemText } from "../collector-problem";
import { useOrganizerResource } from "../use-organizer-resource";
import { recentWaves } from "../waves";
import { ResultsPreview } from "./results-preview";
import { WardTexts } from "./ward-texts";

type Outcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "preview"; snapshot: ResultsSnapshot }
  | { kind: "published"; publication: number }
  | { kind: "unpublished" }
  | { kind: "failed"; problem: ProblemText };

/**
 * "Results for residents" (issue 23): pick a year, the breakdowns and each indicator's text in the
 * survey's languages, preview the figures, publish the snapshot or take it down; the years
 * published now link to their pages.
 */
export function PublicResultsSection({
  def,
  onUnauthorized,
}: {
  def: SurveyDefinition;
  onUnauthorized(): void;
}) {
  const { locale } = useLocale();
  const [list, reload] = useOrganizerResource(() => fetchPublishedResults(def.id), def.id, onUnauthorized, {
    keep: true,
  });
  const [wave, setWave] = useState(() => recentWaves()[0] as number);
  const [breakdowns, setBreakdowns] = useState<string[]>([]);
  const [texts, setTexts] = useState<Record<string, ResultsText>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const body: PublishResultsBody = { texts, breakdowns };
  const singles = def.questions.filter((q) => q.kind === "single");
  const published = latest(list)?.results ?? [];

  const run = async (action: () => Promise<Outcome>) => {
    setOutcome({ kind: "busy" });
    try {
      setOutcome(await action());
    } catch (error) {
      if (error instanceof UnauthorizedError) return onUnauthorized();
      setOutcome({ kind: "failed", problem: collectorProblem(error) });
    }
  };
  const preview = () =>
    run(async () => ({ kind: "preview", snapshot: await previewResults(def.id, wave, body) }));
  const publish = () =>
    run(async () => {
      const done = await publishResults(def.id, wave, body);
      reload();
      return { kind: "published", publication: done.publication };
    });
  const unpublish = () =>
    run(async () => {
      await unpublishResults(def.id, wave);
      reload();
      return { kind: "unpublished" };
    });
  const toggle = (id: string, on: boolean) =>
    setBreakdowns((chosen) => (on ? [...chosen, id] : chosen.filter((b) => b !== id)));
  const busy = outcome.kind === "busy";

  return (
    <section class="dashboard-section" aria-labelledby="public-results-title">
      <h2 id="public-results-title">{t("publicResults.title")}</h2>
      <p class="hint">{t("publicResults.intro")}</p>
      <PublishedList pages={published} locale={locale} />
      <label class="control">
        <span class="field-label">{t("publicResults.wave")}</span>
        <select value={wave} onChange={(event) => setWave(Number(event.currentTarget.value))}>
          {recentWaves().map((w) => (
            <option key={w} value={w}>
              {formatFiscalYear(w, locale)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t("publicResults.breakdowns")}</legend>
        {singles.map((q) => {
          const on = breakdowns.includes(q.id);
          return (
            <label key={q.id} class="check">
              <input
                type="checkbox"
                checked={on}
                disabled={!on && breakdowns.length >= MAX_PUBLIC_BREAKDOWNS}
                onChange={(event) => toggle(q.id, event.currentTarget.checked)}
              />{" "}
              {localizeShort(q, locale)}
            </label>
          );
        })}
      </fieldset>
      <WardTexts def={def} locale={locale} texts={texts} onChange={setTexts} />
      <p class="download-row">
        <BusyButton class="button button--secondary" busy={busy} onClick={preview}>
          {t("publicResults.preview")}
        </BusyButton>
        <BusyButton class="button" busy={busy} onClick={publish} data-testid="results-publish">
          {t("publicResults.publish")}
        </BusyButton>
        {published.some((p) => p.wave === wave) && (
          <BusyButton class="button button--quiet" busy={busy} onClick={unpublish}>
            {t("publicResults.unpublish")}
          </BusyButton>
        )}
      </p>
      <div aria-live="polite">
        {outcome.kind === "preview" && <ResultsPreview snapshot={outcome.snapshot} locale={locale} />}
        {outcome.kind === "published" && (
          <p class="notice" role="status">
            {t("publicResults.published", { publication: String(outcome.publication) })}
          </p>
        )}
        {outcome.kind === "unpublished" && (
          <p class="notice" role="status">
            {t("publicResults.unpublished")}
          </p>
        )}
        {outcome.kind === "failed" && (
          <div class="notice notice--error" role="alert">
            <ProblemDetails problem={outcome.problem} lead={t("publicResults.failed")} />
          </div>
        )}
      </div>
    </section>
  );
}

/** The years published now, each a link to its page on the collector. */
function PublishedList({
  pages,
  locale,
}: {
  pages: readonly { wave: number; page: string }[];
  locale: string;
}) {
  if (pages.length === 0) return <p>{t("publicResults.none")}</p>;
  return (
    <>
      <h3>{t("publicResults.live")}</h3>
      <ul>
        {pages.map((p) => (
          <li key={p.wave}>
            <PageLink
              page={p.page}
              text={t("publicResults.openPage", { wave: formatFiscalYear(p.wave, locale) })}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

/** A link to a collector's page: the collector may be another origin than the app's. */
function PageLink({ page, text }: { page: string; text: string }) {
  const [href] = useResource(() => collectorPageUrl(page), page);
  return (
    <a
      class="tap-link"
      href={latest(href) ?? page}
      target="_blank"
      rel="noopener"
      data-testid="results-page-link"
    >
      {text}
    </a>
  );
}
