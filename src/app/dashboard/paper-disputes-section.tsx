import type { PaperFormList } from "../../contract/paper-forms";
import type { SurveyDefinition } from "../../domain/definition";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import { fetchDisputedForms } from "../collector/paper-api";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { useLocale } from "../locale-context";
import { formatAnswer } from "../respondent/format-answer";
import { TableWrap } from "./table-wrap";
import { useOrganizerResource } from "./use-organizer-resource";

type Form = PaperFormList["forms"][number];

/**
 * Paper forms whose keyings differ, each a table: a row per question the keyings answer, a column
 * per keying. A differing row says so in words (and is marked), not by colour alone; a third
 * keying from the paper, at /paper, settles the form.
 */
export function PaperDisputesSection(props: { def: SurveyDefinition; onUnauthorized(): void }) {
  const [load, retry] = useOrganizerResource(
    () => fetchDisputedForms(props.def.id),
    props.def.id,
    props.onUnauthorized,
  );
  return (
    <section class="dashboard-section" aria-labelledby="paper-disputes-title" data-testid="paper-disputes">
      <h2 id="paper-disputes-title">{t("paperDisputes.title")}</h2>
      <p>{t("paperDisputes.intro")}</p>
      {load.status === "loading" && <Loading />}
      {load.status === "failed" && <LoadError onRetry={retry} />}
      {load.status === "ready" && load.value.forms.length === 0 && <p>{t("paperDisputes.none")}</p>}
      {load.status === "ready" &&
        load.value.forms.map((form) => <DisputedForm key={form.paperForm} form={form} def={props.def} />)}
    </section>
  );
}

function DisputedForm({ form, def }: { form: Form; def: SurveyDefinition }) {
  const { locale } = useLocale();
  const differing = new Set(form.differing);
  const answered = new Set(form.keyings.flatMap((k) => Object.keys(k.answers)));
  // Every question a keying answered, in printed order; one of another version is named by its id.
  const questions = def.questions.filter((q) => answered.has(q.id));
  const caption = t("paperDisputes.caption", { form: form.paperForm });
  return (
    <TableWrap label={caption}>
      <table class="group-table paper-dispute">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("paperDisputes.question")}</th>
            {form.keyings.map((k, i) => (
              <th scope="col" key={k.id}>
                {t("paperDisputes.keying", { n: i + 1, who: k.keyedBy })}
              </th>
            ))}
            <th scope="col">
              <span class="visually-hidden">{t("paperDisputes.differs")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.id} class={differing.has(q.id) ? "paper-dispute__differs" : undefined}>
              <th scope="row">{localize(q.label, locale)}</th>
              {form.keyings.map((k) => (
                <td key={k.id}>{formatAnswer(q, k.answers[q.id], locale) ?? t("paper.noAnswer")}</td>
              ))}
              <td>{differing.has(q.id) ? `≠ ${t("paperDisputes.differs")}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {form.sameKeyer && <p>{t("paperDisputes.sameKeyer")}</p>}
    </TableWrap>
  );
}
