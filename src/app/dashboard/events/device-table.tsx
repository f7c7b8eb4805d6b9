import type { DeviceSummary, KioskEvent } from "../../../contract/events";
import { t } from "../../../i18n";
import { latest, type Resource } from "../../hooks/use-resource";
import { TableWrap } from "../table-wrap";
import { DeviceRow } from "./device-row";
import { useNow } from "./use-now";

interface Props {
  event: KioskEvent;
  devices: Resource<DeviceSummary[]>;
  onChanged(said: string): void;
  onError(error: unknown): void;
}

/** An event's tablets: label, enrolment, last sync, answers received, state, and their actions. */
export function DeviceTable({ event, devices, onChanged, onError }: Props) {
  const now = useNow();
  const list = latest(devices);
  if (list === undefined) return null;
  if (list.length === 0) return <p>{t("events.noDevices")}</p>;
  const title = t("events.devicesTitle", { name: event.name });
  return (
    <TableWrap label={title}>
      <table class="device-table">
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("events.colLabel")}</th>
            <th scope="col">{t("events.colEnrolled")}</th>
            <th scope="col">{t("events.colLastSync")}</th>
            <th scope="col" class="num">
              {t("events.colResponses")}
            </th>
            <th scope="col">{t("events.colState")}</th>
            <th scope="col">
              <span class="visually-hidden">{t("events.colActions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((device) => (
            <DeviceRow key={device.id} device={device} now={now} onChanged={onChanged} onError={onError} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
