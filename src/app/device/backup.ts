import { type BackupFile, type BackupItem, writeBackup } from "../../contract/backup";
import type { OutboxRecord } from "../../outbox";
import { getOutbox } from "./outbox";
import { saveFile } from "./save-file";

/** One outbox record as a backup item: the response as stored, its state and reason. */
export function backupItemOf(record: OutboxRecord): BackupItem {
  return {
    response: record.response,
    state: record.state,
    ...(record.reason !== undefined && { reason: record.reason }),
  };
}

/**
 * Every response this device holds (unsent, held back, and sent ones still kept), as a backup file;
 * with `ids`, only those (one answer the collector refused, exported on its own).
 */
export async function buildBackup(now = new Date(), ids?: readonly string[]): Promise<BackupFile> {
  const records = await (await getOutbox()).list();
  const chosen = ids ? records.filter((r) => ids.includes(r.id)) : records;
  return writeBackup(chosen.map(backupItemOf), { now });
}

/** "tsunagu-backup-20261125-1412.json", in the device's local time so staff recognise it. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `tsunagu-backup-${day}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}

/**
 * Writes the backup to a downloaded file (staff's settings page and the kiosk's staff panel). The
 * collector imports it through the same checks and dedupe as sync; nothing is removed from the device.
 */
export async function downloadBackup(ids?: readonly string[]): Promise<{ fileName: string; count: number }> {
  const now = new Date();
  const file = await buildBackup(now, ids);
  const fileName = backupFileName(now);
  saveFile(new Blob([JSON.stringify(file)], { type: "application/json" }), fileName);
  return { fileName, count: file.items.length };
}
