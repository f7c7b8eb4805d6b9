import { inflateRawSync } from "node:zlib";
import { fileProblem, type WorkbookProblem } from "./problems";

/**
 * Limits on an uploaded workbook, checked before any parser sees it. A survey workbook is some tens
 * of KB; the shipped one unpacks to well under 1 MB. The .xlsx parsers inflate every part in memory
 * with no bound (a 105 KB file unpacking to 100 MiB cost SheetJS 6 s and 385 MB), so the sizes are
 * enforced here by inflating each part under a budget, not by trusting the sizes the zip declares.
 */
export const WORKBOOK_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxEntries: 200,
  maxUnpackedBytes: 32 * 1024 * 1024,
} as const;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** Every problem that makes `bytes` unfit to parse as an .xlsx, or null when it may be parsed. */
export function guardWorkbookFile(bytes: Uint8Array, limits = WORKBOOK_LIMITS): WorkbookProblem | null {
  if (bytes.length > limits.maxBytes)
    return fileProblem("too_big", { bytes: bytes.length, limit: limits.maxBytes });
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_HEADER)
    return fileProblem("not_xlsx", { reason: "it is not a zip file" });
  const entries = readDirectory(buf, limits);
  if (typeof entries === "string") return fileProblem("not_xlsx", { reason: entries });
  if (!Array.isArray(entries)) return entries;
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml"))
    return fileProblem("not_xlsx", { reason: "a zip file without a spreadsheet in it" });
  return inflateAll(buf, entries, limits);
}

function readDirectory(buf: Buffer, limits: typeof WORKBOOK_LIMITS): Entry[] | WorkbookProblem | string {
  const end = findEndOfDirectory(buf);
  if (end < 0) return "its zip directory is missing";
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) return "a ZIP64 file";
  if (count > limits.maxEntries) return fileProblem("too_many_entries", { count, limit: limits.maxEntries });
  if (offset + size > end) return "its zip directory is damaged";
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL_HEADER) return "its zip directory is damaged";
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    entries.push({
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      declaredSize: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + skip;
  }
  for (const e of entries) {
    if (e.flags & 1) return "an encrypted zip file";
    if (e.method !== 0 && e.method !== 8) return `a part packed with method ${e.method}`;
  }
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > limits.maxUnpackedBytes) return fileProblem("zip_bomb", { limit: limits.maxUnpackedBytes });
  return entries;
}

function findEndOfDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= lowest; at--) if (buf.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}

/** Inflates every part under the remaining budget: a part that lies about its size is caught too. */
function inflateAll(buf: Buffer, entries: Entry[], limits: typeof WORKBOOK_LIMITS): WorkbookProblem | null {
  let budget = limits.maxUnpackedBytes;
  for (const e of entries) {
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL_HEADER)
      return fileProblem("not_xlsx", { reason: "its zip directory is damaged" });
    const start =
      e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) return fileProblem("not_xlsx", { reason: "a part is cut short" });
    let size = data.length;
    if (e.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
          return fileProblem("zip_bomb", { limit: limits.maxUnpackedBytes });
        return fileProblem("not_xlsx", { reason: `a part cannot be unpacked (${e.name})` });
      }
    }
    budget -= size;
    if (budget < 0) return fileProblem("zip_bomb", { limit: limits.maxUnpackedBytes });
  }
  return null;
}
