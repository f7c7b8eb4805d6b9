import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { loadLetterMessages, t } from "../../i18n";
import type { AcceptedCode, InvitationEntry } from "./invitation-entry";

type Entry = ComponentType<Parameters<typeof InvitationEntry>[0]>;

/**
 * The intro's part for a resident of the mailed sample: an offer to type the letter's code which
 * opens the entry (which then shows the code in use), a chunk of its own with its words, fetched then, or at once when the
 * personal URL carries a code (?code=).
 */
export function InvitationPart(props: {
  accepted: AcceptedCode | undefined;
  onAccept(code: AcceptedCode): void;
}) {
  const [initial] = useState(() => new URLSearchParams(globalThis.location?.search).get("code") ?? "");
  const [open, setOpen] = useState(initial !== "");
  const [Entry, setEntry] = useState<{ c: Entry }>();
  useEffect(() => {
    if (open)
      void Promise.all([import("./invitation-entry"), loadLetterMessages()]).then(([m]) =>
        setEntry({ c: m.InvitationEntry }),
      );
  }, [open]);
  if (!open)
    return (
      <button type="button" class="button button--quiet" onClick={() => setOpen(true)}>
        {t("invitation.open")}
      </button>
    );
  return Entry ? <Entry.c initial={initial} {...props} /> : null;
}
