import "../domain/zod-config";
import { z } from "zod/mini";
import { canonicalJson, sha256Hex } from "../domain/canonical-json";
import { describeProblems, type Problem, problemsOf } from "../domain/issues";
import type { BackupProblemCode } from "./problem-codes";

/**
 * A device backup: what a tablet holds, written to a file when the network is gone for good, and
 * read by the collector's import. Items stay `unknown` so that one bad response is rejected on its
 * own by the same checks as sync; the checksum covers them all, so a damaged file is refused whole.
 */
export const BACKUP_FORMAT = "tsunagu-backup";
export const BACKUP_VERSION = 1;

export const BackupItem = z.object({
  response: z.unknown(),
  state: z.enum(["pending", "sent", "rejected", "conflict"]),
  reason: z.optional(z.string()),
});
export type BackupItem = z.infer<typeof BackupItem>;

export const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  deviceId: z.optional(z.string().check(z.maxLength(64))),
  items: z.array(BackupItem),
  checksum: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)),
});
export type BackupFile = z.infer<typeof BackupFile>;

export async function writeBackup(
  items: BackupItem[],
  options: { deviceId?: string; now?: Date } = {},
): Promise<BackupFile> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    ...(options.deviceId ? { deviceId: options.deviceId } : {}),
    items,
    checksum: `sha256:${await sha256Hex(canonicalJson(items))}`,
  };
}

/**
 * What is wrong with a file; `problems` says where, field by field, each with a BackupProblemCode
 * that the dashboard words in its reader's language (the message is the collector's English).
 */
export class BackupError extends Error {
  override name = "BackupError";

  constructor(
    message: string,
    readonly problems: readonly Problem[],
  ) {
    super(message);
  }
}

/** A file refused for one reason: that reason is also its one problem, with its code. */
function refused(code: BackupProblemCode, path: string, message: string): BackupError {
  return new BackupError(message, [{ path, code, message }]);
}

/**
 * How deep an item may nest. A real one is an item, its response, the answers and a multiple
 * choice's array: four levels. An item's response is not checked by the schema (it stays unknown
 * until the sync checks), so the checksum's canonical JSON was the first to walk it, recursively:
 * an item nested thousands deep overflowed the stack, a 500 instead of a refused file.
 */
export const MAX_ITEM_DEPTH = 32;

/** The index of the first item nested deeper than MAX_ITEM_DEPTH, walked without recursion. */
function itemNestedTooDeep(json: unknown): number | undefined {
  const items = (json as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return undefined;
  for (const [index, item] of items.entries()) {
    const stack: [unknown, number][] = [[item, 1]];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [value, depth] = next;
      if (!value || typeof value !== "object") continue;
      if (depth > MAX_ITEM_DEPTH) return index;
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** Reads a backup file's text; throws BackupError saying what is wrong with a foreign or damaged file. */
export async function readBackup(text: string): Promise<BackupFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw refused(
      "not_json",
      "(root)",
      `not a Tsunagu backup: the file is not JSON (${(e as Error).message})`,
    );
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT)
    throw refused("not_a_backup", "format", `not a Tsunagu backup: format is ${JSON.stringify(format)}`);
  const version = (json as { version?: unknown }).version;
  if (version !== BACKUP_VERSION)
    throw refused(
      "unsupported_version",
      "version",
      `backup version ${JSON.stringify(version)} is not supported (this collector reads ${BACKUP_VERSION})`,
    );
  const tooDeep = itemNestedTooDeep(json);
  if (tooDeep !== undefined)
    throw new BackupError(
      `damaged backup: item ${tooDeep} is nested more than ${MAX_ITEM_DEPTH} levels deep, which no response is`,
      [
        {
          path: `items.${tooDeep}`,
          code: "nested_too_deep",
          message: `nested more than ${MAX_ITEM_DEPTH} levels deep`,
        },
      ],
    );
  const parsed = BackupFile.safeParse(json);
  if (!parsed.success) {
    const code: BackupProblemCode = "invalid_field";
    const problems = problemsOf(parsed.error).map((p) => ({ ...p, code }));
    throw new BackupError(`damaged backup: ${describeProblems(problems)}`, problems);
  }
  const expected = `sha256:${await sha256Hex(canonicalJson(parsed.data.items))}`;
  if (expected !== parsed.data.checksum)
    throw refused(
      "checksum_mismatch",
      "checksum",
      "damaged backup: the checksum does not match its contents (the file was changed or cut short)",
    );
  return parsed.data;
}
