import type { WorkbookProblem } from "../../../contract/versions";
import { t } from "../../../i18n";
import { ColumnHeads } from "../../components/column-heads";
import { TableWrap } from "../table-wrap";
import { problemPlace, problemText } from "./wording";

/**
 * A workbook's problems (or warnings), one row each: the cell as Excel names it (`survey!C7`) and
 * the problem in the reader's language, in the order the collector found them.
 */
export function ProblemTable({
  problems,
  caption,
}: {
  problems: readonly WorkbookProblem[];
  caption: string;
}) {
  return (
    <TableWrap label={caption}>
      <table class="group-table versions__problems" data-testid="workbook-problems">
        <caption>{caption}</caption>
        <ColumnHeads columns={[t("versions.place"), t("versions.problem")]} />
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${i}:${p.code}`}>
              <th scope="row" class="versions__cell">
                {problemPlace(p) || t("versions.wholeFile")}
              </th>
              <td>{problemText(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
