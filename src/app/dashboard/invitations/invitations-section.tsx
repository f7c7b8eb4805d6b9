import { useEffect, useRef, useState } from "preact/hooks";
import type { InvitationBatch, ResponseRate } from "../../../contract/invitation-batches";
import type { SurveyDefinition } from "../../../domain/definition";
import { fiscalYear } from "../../../domain/fiscal-year";
import { t } from "../../../i18n";
import {
  createBatch,
  fetchCodesCsv,
  fetchResponseRate,
  lettersUrl,
  listBatches,
} from "../../collector/invitations-api";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { saveFile } from "../../device/save-file";
import { collectorProblem, ProblemDetails, type ProblemText } from "../collector-problem";

interface Props {
  def: SurveyDefinition;
  onUnauthorized(): void;
}

/**
 * The mailed sample (admin): a batch of invitation codes per mailing, its CSV for the mail merge,
 * the printable letters, the unused codes for the reminder, and the response rate by stratum.
 */
export function InvitationsSection({ def, onUnauthorized }: Props) {
  const [batches, setBatches] = useState<InvitationBatch[] | undefined>();
  const [wave, setWave] = useState(() => fiscalYear(new Date()));
  const [rate, setRate] = useState<ResponseRate | undefined>();
  const [problem, setProblem] = useState<ProblemText | undefined>();
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  const attempt = async (action: () => Promise<void>) => {
    try {
      await action();
      setProblem(undefined);
    } catch (error) {
      if (error instanceof UnauthorizedError) unauthorized.current();
      else setProblem(collectorProblem(error));
    }
  };
  const refresh = () =>
    attempt(async () => {
      const [list, r] = await Promise.all([listBatches(def.id), fetchResponseRate(def.id, wave)]);
      setBatches(list);
      setRate(r);
    });
  // Again for another survey or wave.
  useEffect(() => {
    void refresh();
  }, [def.id, wave]);

  return (
    <section class="invitations-section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t("invitations.title")}</h2>
      {problem && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails problem={problem} />
        </div>
      )}
      <BatchForm
        wave={wave}
        onWave={setWave}
        onCreate={(count, stratum) =>
          attempt(async () => {
            await createBatch(def.id, { wave, count, ...(stratum && { stratum }) });
            await refresh();
          })
        }
      />
      {batches && batches.length === 0 && <p>{t("invitations.none")}</p>}
      {batches && batches.length > 0 && (
        <ul class="invitations-section__batches">
          {batches.map((b) => (
            <li key={b.id}>
              <p>{t("invitations.batch", { wave: b.wave, stratum: b.stratum ?? "—", count: b.count })}</p>
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() =>
                  attempt(async () =>
                    saveFile(await fetchCodesCsv(def.id, b.id, false), `${def.id}-${b.wave}-invitations.csv`),
                  )
                }
              >
                {t("invitations.codesCsv")}
              </button>{" "}
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() =>
                  attempt(async () =>
                    saveFile(
                      await fetchCodesCsv(def.id, b.id, true),
                      `${def.id}-${b.wave}-invitations-unused.csv`,
                    ),
                  )
                }
              >
                {t("invitations.unusedCsv")}
              </button>{" "}
              <LettersLink surveyId={def.id} batchId={b.id} unused={false} />{" "}
              <LettersLink surveyId={def.id} batchId={b.id} unused={true} />
            </li>
          ))}
        </ul>
      )}
      {rate && rate.mailed > 0 && <RateTable rate={rate} />}
    </section>
  );
}

function BatchForm(props: {
  wave: number;
  onWave(w: number): void;
  onCreate(count: number, stratum: string): void;
}) {
  const [count, setCount] = useState(1400);
  const [stratum, setStratum] = useState("");
  return (
    <form
      class="invitations-section__form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onCreate(count, stratum.trim());
      }}
    >
      <label>
        {t("invitations.wave")}{" "}
        <input
          type="number"
          min={2000}
          max={2100}
          value={props.wave}
          onChange={(e) => props.onWave(Number(e.currentTarget.value))}
        />
      </label>{" "}
      <label>
        {t("invitations.count")}{" "}
        <input
          type="number"
          min={1}
          max={20000}
          value={count}
          onInput={(e) => setCount(Number(e.currentTarget.value))}
        />
      </label>{" "}
      <label>
        {t("invitations.stratum")}{" "}
        <input value={stratum} maxLength={100} onInput={(e) => setStratum(e.currentTarget.value)} />
      </label>{" "}
      <button type="submit" class="button button--primary button--small">
        {t("invitations.create")}
      </button>
    </form>
  );
}

/** A link to the printable letters: the collector's page, in a tab of its own. */
function LettersLink({ surveyId, batchId, unused }: { surveyId: string; batchId: string; unused: boolean }) {
  const [href, setHref] = useState<string | undefined>();
  useEffect(() => {
    void lettersUrl(surveyId, batchId, unused).then(setHref);
  }, [surveyId, batchId, unused]);
  if (!href) return null;
  return (
    <a href={href} target="_blank" rel="noopener">
      {t(unused ? "invitations.reminderLetters" : "invitations.letters")}
    </a>
  );
}

function RateTable({ rate }: { rate: ResponseRate }) {
  const percent = (r: number | null) => (r === null ? "—" : `${r.toFixed(1)}%`);
  return (
    <table class="invitations-section__rate">
      <caption>{t("invitations.rateTitle", { wave: rate.wave })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("invitations.stratum")}</th>
          <th scope="col">{t("invitations.mailed")}</th>
          <th scope="col">{t("invitations.online")}</th>
          <th scope="col">{t("invitations.paper")}</th>
          <th scope="col">{t("invitations.rate")}</th>
        </tr>
      </thead>
      <tbody>
        {rate.byStratum.map((s) => (
          <tr key={s.stratum ?? ""}>
            <th scope="row">{s.stratum ?? "—"}</th>
            <td>{s.mailed}</td>
            <td>{s.online}</td>
            <td>{s.paper}</td>
            <td>{percent(s.rate)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t("invitations.total")}</th>
          <td>{rate.mailed}</td>
          <td>{rate.online}</td>
          <td>{rate.paper}</td>
          <td>{percent(rate.rate)}</td>
        </tr>
      </tbody>
    </table>
  );
}
