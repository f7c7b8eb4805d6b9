import { type Context, Hono } from "hono";
import {
  DefinitionChanges,
  type DryRunResult,
  type PublishedVersion,
  type VersionList,
  XLSX_MEDIA_TYPE,
} from "../../contract/versions";
import { SurveyId } from "../../domain/definition";
import { recordAudit } from "../audit/record";
import { principalOf } from "../auth/principal";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { parseVersion } from "../http/query-params";
import { readBytesLimited } from "../http/read-body";
import type { AuditStorage } from "../storage/audit-storage";
import type { VersionStorage } from "../storage/version-storage";
import {
  type PublishRefusal,
  type PublishTarget,
  prepareVersion,
  publishPrepared,
} from "../versions/publish";
import { writeWorkbook } from "../workbook/write-workbook";
import { WORKBOOK_LIMITS } from "../workbook/zip-guard";

type Deps = DepsWith<
  VersionStorage & Pick<AuditStorage, "appendAudit">,
  "surveys" | "now" | "organizerToken"
>;

/** `?dryRun=true`: check and show, store nothing. */
function parseDryRun(raw: string | undefined): boolean {
  if (raw === undefined || raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw new HttpProblem("invalid_query", `dryRun must be true or false, not "${raw}"`, [
    { path: "dryRun", message: "must be true or false" },
  ]);
}

/** A refusal as the collector's error body; a workbook's problems each at its cell. */
function refusalProblem(refusal: PublishRefusal): HttpProblem {
  if (refusal.code !== "invalid_workbook") return new HttpProblem(refusal.code, refusal.message);
  const problems = refusal.problems.map((p) => ({
    // "survey!C4", as `npm run survey -- check` prints it, for a reader of the error body alone.
    path: p.sheet === null ? "file" : p.row === null ? p.sheet : `${p.sheet}!${p.column}${p.row}`,
    ...p,
  }));
  return new HttpProblem("invalid_workbook", refusal.message, problems);
}

async function upload(c: Context, deps: Deps, target: PublishTarget): Promise<Response> {
  const type = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== XLSX_MEDIA_TYPE)
    throw new HttpProblem(
      "unsupported_media_type",
      `the body must be an .xlsx workbook (Content-Type: ${XLSX_MEDIA_TYPE}), not "${type || "none"}"`,
    );
  const dryRun = parseDryRun(c.req.query("dryRun"));
  const bytes = await readBytesLimited(c, WORKBOOK_LIMITS.maxBytes);
  const now = deps.now?.() ?? new Date();
  const preparation = await prepareVersion(bytes, target, deps.storage, now);
  if (!preparation.ok) throw refusalProblem(preparation.refusal);
  const { prepared } = preparation;
  if (dryRun) return c.json({ ...prepared } satisfies DryRunResult);
  // The account's login; the bootstrap organizer token names no one, so its versions keep null.
  const principal = principalOf(c);
  const publishedBy = principal?.kind === "account" ? principal.account.login : null;
  if (!(await publishPrepared(prepared, deps.storage, deps.surveys, publishedBy))) {
    const { id, version } = prepared.definition;
    throw new HttpProblem(
      "version_conflict",
      `survey "${id}" version ${version} was published meanwhile; nothing was changed`,
    );
  }
  const { id: surveyId, version } = prepared.definition;
  await recordAudit(c, deps, "version_published", surveyId, {
    version,
    kind: target.kind,
    changes: prepared.changes.length,
  });
  return c.json({ surveyId, version, changes: prepared.changes } satisfies PublishedVersion, 201);
}

/** A path's survey id, checked before it reaches storage or a file name. */
function surveyIdOf(c: Context): string {
  const id = c.req.param("id") ?? "";
  if (!SurveyId.safeParse(id).success)
    throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
  return id;
}

/**
 * Authoring (DESIGN "The survey workbook"): a checked workbook is published as a survey's next
 * version (or a new survey) beside the others, never over them; any version downloads as .xlsx.
 */
export function versionRoutes(deps: Deps): Hono {
  return new Hono()
    .post("/surveys", requireRole("POST /surveys", deps), (c) => upload(c, deps, { kind: "new" }))
    .post("/surveys/:id/versions", requireRole("POST /surveys/:id/versions", deps), (c) =>
      upload(c, deps, { kind: "next", surveyId: surveyIdOf(c) }),
    )
    .get("/surveys/:id/versions", requireRole("GET /surveys/:id/versions", deps), async (c) => {
      const id = surveyIdOf(c);
      const stored = await deps.storage.versionsOf(id);
      if (stored.length === 0) throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
      const versions = stored.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt,
        publishedBy: v.publishedBy,
        changes: DefinitionChanges.parse(JSON.parse(v.changes)),
      }));
      return c.json({ versions } satisfies VersionList);
    })
    .get("/surveys/:id/workbook", requireRole("GET /surveys/:id/workbook", deps), async (c) => {
      const id = surveyIdOf(c);
      const version = parseVersion(c.req.query("version"));
      const def =
        version === undefined
          ? deps.surveys.latestOf(id)
          : (deps.surveys.get(id, version) ?? (await deps.surveys.lookUp?.(id, version)));
      if (!def) {
        const which = version === undefined ? `"${id}"` : `"${id}" version ${version}`;
        throw new HttpProblem("survey_not_found", `there is no survey ${which}`);
      }
      c.header("Content-Type", XLSX_MEDIA_TYPE);
      c.header("Content-Disposition", `attachment; filename="${def.id}-v${def.version}.xlsx"`);
      c.header("Cache-Control", "private, no-store");
      return c.body(new Uint8Array(writeWorkbook(def)));
    });
}
