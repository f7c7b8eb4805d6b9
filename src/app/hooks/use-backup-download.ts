import { useState } from "preact/hooks";
import { downloadBackup } from "../device/backup";

export type BackupDownload = { kind: "idle" | "working" | "failed" } | { kind: "done"; count: number };

/** This device's backup file, saved on request: the state its button and status line show. */
export function useBackupDownload(): [BackupDownload, () => Promise<void>] {
  const [backup, setBackup] = useState<BackupDownload>({ kind: "idle" });
  const download = async () => {
    setBackup({ kind: "working" });
    try {
      setBackup({ kind: "done", count: (await downloadBackup()).count });
    } catch {
      setBackup({ kind: "failed" });
    }
  };
  return [backup, download];
}
