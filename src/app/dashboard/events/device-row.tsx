import { useRef, useState } from "preact/hooks";
import type { DeviceSummary } from "../../../contract/events";
import { t } from "../../../i18n";
import { renameDevice, revokeDevice } from "../../collector/events-api";
import { useFocusOnShow } from "../../hooks/use-focus-on-show";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";
import { useLocale } from "../../locale-context";
import { formatCount } from "../format";
import { ConfirmPrompt } from "./confirm-prompt";
import { formatDay, formatSince, formatWhen } from "./last-sync";

interface Props {
  device: DeviceSummary;
  now: number;
  /** After a change the collector took: what to announce; the list is read again. */
  onChanged(said: string): void;
  onError(error: unknown): void;
}

type Mode = "view" | "rename" | "revoke";

/** One tablet: its label (renamed in place), enrolment, last sync, answers, state, and revoke. */
export function DeviceRow({ device, now, onChanged, onError }: Props) {
  const { locale } = useLocale();
  const [mode, setMode] = useState<Mode>("view");
  const [busy, once] = useOneAtATime();
  const actions = useRef<HTMLButtonElement>(null);
  const labelCell = useRef<HTMLTableCellElement>(null);
  // Back from an inline form, the focus returns to the button that opened it.
  const backToActions = () => {
    setMode("view");
    requestAnimationFrame(() => actions.current?.focus());
  };
  const revoked = device.revokedAt !== null;
  return (
    <tr data-device={device.id}>
      <th scope="row" ref={labelCell} tabIndex={-1}>
        {mode === "rename" ? (
          <RenameForm
            device={device}
            busy={busy}
            onCancel={backToActions}
            onSave={(label) =>
              once(async () => {
                try {
                  await renameDevice(device.id, { label });
                  onChanged(t("events.renamed", { label }));
                  backToActions();
                } catch (error) {
                  onError(error);
                }
              })
            }
          />
        ) : (
          device.label
        )}
      </th>
      <td>
        <time dateTime={device.createdAt}>{formatDay(device.createdAt, locale)}</time>
      </td>
      <td>
        {device.lastSyncAt === null ? (
          t("events.neverSynced")
        ) : (
          <time dateTime={device.lastSyncAt} title={formatWhen(device.lastSyncAt, locale)}>
            {formatSince(device.lastSyncAt, now, locale)}
          </time>
        )}
      </td>
      <td class="num">{formatCount(device.responses, locale)}</td>
      <td data-device-state>{revoked ? t("events.revokedState") : t("events.active")}</td>
      <td>
        {mode === "revoke" ? (
          <ConfirmPrompt
            class="device-row__confirm"
            question={t("events.revokeConfirm", { label: device.label })}
            yes={t("events.revokeYes")}
            busy={busy}
            onCancel={backToActions}
            onConfirm={() =>
              once(async () => {
                try {
                  await revokeDevice(device.id);
                  onChanged(t("events.revokedDone", { label: device.label }));
                  setMode("view");
                  // The revoke button is gone: the focus goes to the row it was about.
                  requestAnimationFrame(() => labelCell.current?.focus());
                } catch (error) {
                  onError(error);
                }
              })
            }
          />
        ) : (
          <div class="device-row__actions">
            <button
              type="button"
              class="button button--small button--secondary"
              ref={actions}
              aria-label={`${t("events.rename")}: ${device.label}`}
              onClick={() => setMode("rename")}
            >
              {t("events.rename")}
            </button>
            {!revoked && (
              <button
                type="button"
                class="button button--small button--quiet"
                aria-label={`${t("events.revoke")}: ${device.label}`}
                onClick={() => setMode("revoke")}
              >
                {t("events.revoke")}
              </button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

function RenameForm({
  device,
  busy,
  onSave,
  onCancel,
}: {
  device: DeviceSummary;
  busy: boolean;
  onSave(label: string): void;
  onCancel(): void;
}) {
  const [label, setLabel] = useState(device.label);
  const input = useFocusOnShow<HTMLInputElement>();
  const id = `device-rename-${device.id}`;
  const ready = label.trim() !== "";
  return (
    <form
      class="device-row__rename"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSave(label.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <label for={id} class="visually-hidden">
        {t("events.renameLabel", { label: device.label })}
      </label>
      <input
        id={id}
        ref={input}
        value={label}
        maxLength={100}
        required
        onInput={(e) => setLabel(e.currentTarget.value)}
      />
      <button type="submit" class="button button--small button--primary" aria-disabled={busy || !ready}>
        {t("events.save")}
      </button>
      <button type="button" class="button button--small button--quiet" onClick={onCancel}>
        {t("events.cancel")}
      </button>
    </form>
  );
}
