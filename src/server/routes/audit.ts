import { Hono } from "hono";
import type { AuditList } from "../../contract/audit";
import { requireRole } from "../auth/require-role";
import { auditCsv } from "../csv/audit-csv";
import type { DepsWith } from "../deps";
import { csvResponse } from "../http/csv-response";
import { HttpProblem } from "../http/problems";
import type { AuditStorage } from "../storage/audit-storage";

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 10_000;

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === "") return DEFAULT_LIMIT;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= MAX_LIMIT))
    throw new HttpProblem(
      "invalid_query",
      `limit must be a whole number from 1 to ${MAX_LIMIT}, not "${raw}"`,
      [{ path: "limit", message: `a whole number from 1 to ${MAX_LIMIT}` }],
    );
  return n;
}

function parseBefore(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (Number.isNaN(Date.parse(raw)) || !/^\d{4}-\d{2}-\d{2}T/.test(raw))
    throw new HttpProblem("invalid_query", `before must be an ISO 8601 instant, not "${raw}"`, [
      { path: "before", message: "an ISO 8601 instant such as 2026-12-07T00:00:00.000Z" },
    ]);
  return new Date(raw).toISOString();
}

function parseFormat(raw: string | undefined): "json" | "csv" {
  if (raw === undefined || raw === "" || raw === "json") return "json";
  if (raw === "csv") return "csv";
  throw new HttpProblem("invalid_query", `format must be json or csv, not "${raw}"`, [
    { path: "format", message: "json or csv" },
  ]);
}

/** GET /audit (admin): the audit log, newest first, as JSON or (?format=csv) as a spreadsheet file. */
export function auditRoutes(deps: DepsWith<AuditStorage, "organizerToken">): Hono {
  return new Hono().get("/audit", requireRole("GET /audit", deps), async (c) => {
    const format = parseFormat(c.req.query("format"));
    const limit = parseLimit(c.req.query("limit"));
    const before = parseBefore(c.req.query("before"));
    const entries = await deps.storage.auditEntries({ limit, ...(before !== undefined && { before }) });
    if (format === "csv") return csvResponse(c, "audit.csv", auditCsv(entries));
    c.header("Cache-Control", "no-store");
    return c.json({ entries } satisfies AuditList);
  });
}
