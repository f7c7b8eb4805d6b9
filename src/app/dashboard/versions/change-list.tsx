import type { DefinitionChange } from "../../../contract/versions";
import { changeText, type Labels } from "./wording";

/** A version's changes from the one before, one line each, worded in the reader's language. */
export function ChangeList({ changes, labels }: { changes: readonly DefinitionChange[]; labels?: Labels }) {
  return (
    <ul class="versions__changes">
      {changes.map((change, i) => (
        <li key={`${i}:${change.kind}`} data-kind={change.kind}>
          {changeText(change, labels)}
        </li>
      ))}
    </ul>
  );
}
