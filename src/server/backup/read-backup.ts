import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { CellValue, RowBatch } from "../storage/backup-storage";
import {
  COLLECTOR_BACKUP_FORMAT,
  COLLECTOR_BACKUP_VERSION,
  CollectorBackupError,
  CollectorBackupHeader,
  CollectorBackupTrailer,
} from "./format";

/** A backup read through to its end: its checksum matched and every row fitted its header. */
export interface VerifiedBackup {
  header: CollectorBackupHeader;
  sha256: string;
}

/** Rows handed to a restore at a time. */
const BATCH_ROWS = 500;

/** Reads the whole file and judges it; refuses (CollectorBackupError) a foreign or damaged one. */
export async function verifyCollectorBackup(path: string): Promise<VerifiedBackup> {
  const batches = collectorBackupBatches(path);
  for (;;) {
    const next = await batches.next();
    if (next.done) return next.value;
  }
}

/**
 * The backup's rows in batches, in the file's order, checked as they come; the generator returns
 * once the trailer's checksum and the header's row counts are matched. It throws at the first
 * problem, so whoever inserts the batches inside one transaction rolls back a file damaged near its
 * end. Run verifyCollectorBackup first to refuse before touching anything.
 */
export async function* collectorBackupBatches(path: string): AsyncGenerator<RowBatch, VerifiedBackup> {
  await expectGzip(path);
  const gunzip = createGunzip();
  const lines = createInterface({
    input: createReadStream(path).pipe(gunzip),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // readline does not pass on the gunzip's error (corrupt deflate data, a wrong CRC): keep it.
  let gzipError: Error | undefined;
  gunzip.on("error", (error) => {
    gzipError = error;
    lines.close();
  });
  const iterator = lines[Symbol.asyncIterator]();
  const damaged = (why: string) => new CollectorBackupError("damaged", `damaged backup: ${why}`);
  const gzipFailed = () =>
    gzipError ? damaged(`the compressed data is corrupt (${gzipError.message})`) : undefined;

  const hash = createHash("sha256");
  let lineNo = 0;
  const nextLine = async (): Promise<string | undefined> => {
    let next: IteratorResult<string>;
    try {
      next = await iterator.next();
    } catch (error) {
      // readline passes its input's error on too (Node 16+): say it as damage.
      throw gzipFailed() ?? error;
    }
    const failed = gzipFailed();
    if (failed) throw failed;
    if (next.done) return undefined;
    lineNo += 1;
    return next.value;
  };

  try {
    const first = await nextLine();
    const header = await readHeader(first, async () => {
      // A file that is not ours is judged only once the gzip stream proved whole: a flipped byte
      // early in a backup garbles its first line, and that is damage, not a foreign file.
      while ((await nextLine()) !== undefined);
    });
    hash.update(`${first}\n`);

    const counts = new Map<string, number>();
    let tableAt = 0;
    let batch: RowBatch & { rows: CellValue[][] } = { table: "", columns: [], rows: [] };
    let held = await nextLine();
    if (held === undefined) throw damaged("it ends after its header (cut short?)");
    for (;;) {
      const line = await nextLine();
      if (line === undefined) break;
      // `held` is a row: only the last line is the trailer.
      const [table, values] = parseRow(held, lineNo - 1, header, damaged);
      hash.update(`${held}\n`);
      const at = header.tables.findIndex((t) => t.name === table);
      if (at < tableAt) throw damaged(`line ${lineNo - 1}: ${table} rows after those of a later table`);
      tableAt = at;
      counts.set(table, (counts.get(table) ?? 0) + 1);
      if (batch.table !== table || batch.rows.length >= BATCH_ROWS) {
        if (batch.rows.length > 0) yield batch;
        batch = { table, columns: header.tables[at]?.columns ?? [], rows: [] };
      }
      batch.rows.push(values);
      held = line;
    }
    if (batch.rows.length > 0) yield batch;

    const trailer = parseTrailer(held);
    if (!trailer) throw damaged("its last line is not its checksum (cut short?)");
    const sha256 = hash.digest("hex");
    if (trailer.lines !== lineNo - 1 || trailer.sha256 !== sha256)
      throw damaged("the checksum does not match (the file was changed or cut after it was written)");
    for (const table of header.tables)
      if ((counts.get(table.name) ?? 0) !== table.rows)
        throw damaged(
          `${table.name} has ${counts.get(table.name) ?? 0} rows where the header says ${table.rows}`,
        );
    return { header, sha256 };
  } finally {
    lines.close();
    gunzip.destroy();
  }
}

async function expectGzip(path: string): Promise<void> {
  const file = await open(path, "r");
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead < 2 || buffer[0] !== 0x1f || buffer[1] !== 0x8b)
      throw new CollectorBackupError(
        "foreign",
        `not a Tsunagu collector backup: it is not gzip-compressed${await deviceHint(file)}`,
      );
  } finally {
    await file.close();
  }
}

/** A tablet's backup file is JSON: say which command takes it. */
async function deviceHint(file: Awaited<ReturnType<typeof open>>): Promise<string> {
  const { buffer, bytesRead } = await file.read(Buffer.alloc(200), 0, 200, 0);
  return buffer.subarray(0, bytesRead).toString("utf8").includes('"tsunagu-backup"')
    ? " (it is a device backup: `npm run import -- FILE` takes those)"
    : "";
}

async function readHeader(
  line: string | undefined,
  drain: () => Promise<void>,
): Promise<CollectorBackupHeader> {
  let json: unknown;
  try {
    json = line === undefined ? undefined : JSON.parse(line);
  } catch {
    json = undefined;
  }
  const format = (json as { format?: unknown } | undefined)?.format;
  if (format !== COLLECTOR_BACKUP_FORMAT) {
    await drain();
    throw new CollectorBackupError(
      "foreign",
      `not a Tsunagu collector backup: ${
        json === undefined
          ? "its first line is not a JSON header"
          : `format is ${JSON.stringify(format ?? null)}`
      }`,
    );
  }
  const version = (json as { version?: unknown }).version;
  if (version !== COLLECTOR_BACKUP_VERSION)
    throw new CollectorBackupError(
      "newer",
      `the backup's format version is ${JSON.stringify(version)}; this build reads version ${COLLECTOR_BACKUP_VERSION}`,
    );
  const parsed = CollectorBackupHeader.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CollectorBackupError(
      "damaged",
      `damaged backup: its header's ${issue?.path.join(".") || "content"} is not valid (${issue?.message})`,
    );
  }
  const names = parsed.data.tables.map((t) => t.name);
  if (new Set(names).size !== names.length)
    throw new CollectorBackupError("damaged", "damaged backup: its header names a table twice");
  return parsed.data;
}

function parseRow(
  line: string,
  lineNo: number,
  header: CollectorBackupHeader,
  damaged: (why: string) => CollectorBackupError,
): [string, CellValue[]] {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw damaged(`line ${lineNo} is not JSON`);
  }
  if (!Array.isArray(json) || json.length !== 2 || typeof json[0] !== "string" || !Array.isArray(json[1]))
    throw damaged(`line ${lineNo} is not a row ["table", [values]]`);
  const [table, values] = json as [string, unknown[]];
  const columns = header.tables.find((t) => t.name === table)?.columns;
  if (!columns) throw damaged(`line ${lineNo}: the table ${table} is not in the header`);
  if (values.length !== columns.length)
    throw damaged(`line ${lineNo}: ${values.length} values for the ${columns.length} columns of ${table}`);
  for (const [i, v] of values.entries())
    if (!(v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v))))
      throw damaged(`line ${lineNo}: ${table}.${columns[i]} is neither text, a number nor null`);
  return [table, values as CellValue[]];
}

function parseTrailer(line: string): CollectorBackupTrailer | undefined {
  try {
    const parsed = CollectorBackupTrailer.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
