import { useState } from "preact/hooks";
import { loadLetterMessages, t } from "../../i18n";
import { useResource } from "../hooks/use-resource";
import type { AcceptedCode } from "./invitation-entry";

const loadEntry = () =>
  Promise.all([import("./invitation-entry"), loadLetterMessages()]).then(([m]) => m.InvitationEntry);

/** The letter's code as the personal URL carries it (?code=), or "" when there is none. */
export const codeInUrl = () => new URLSearchParams(location.search).get("code") ?? "";

/**
 * The intro's part for a resident of the mailed sample: the code in use, or an offer to type one
 * which opens the entry (a chunk of its own, fetched then, or at once when the URL has a code).
 */
export function InvitationPart({
  accepted,
  onAccept,
}: {
  accepted: AcceptedCode | undefined;
  onAccept(code: AcceptedCode): void;
}) {
  const [initial] = useState(codeInUrl);
  const [open, setOpen] = useState(initial !== "");
  if (accepted)
    return (
      <p class="notice intro__invitation" role="status">
        {t("invitation.using", { code: accepted.shown })}
      </p>
    );
  if (!open)
    return (
      <button type="button" class="button button--quiet intro__invitation" onClick={() => setOpen(true)}>
        {t("invitation.open")}
      </button>
    );
  return <LoadedEntry initial={initial} onAccept={onAccept} />;
}

function LoadedEntry({ initial, onAccept }: { initial: string; onAccept(code: AcceptedCode): void }) {
  const [entry] = useResource(loadEntry, "invitation-entry");
  if (entry.status !== "ready") return null;
  const Entry = entry.value;
  return <Entry initial={initial} onAccept={onAccept} />;
}
