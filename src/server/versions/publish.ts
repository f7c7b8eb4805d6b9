import type { DefinitionChange } from "../../contract/versions";
import type { SurveyDefinition } from "../../domain/definition";
import { definitionChanges } from "../../domain/definition-changes";
import { definitionOf, versionRow } from "../published-surveys";
import type { VersionStorage } from "../storage/version-storage";
import type { SurveyRegistry } from "../surveys";
import type { WorkbookProblem } from "../workbook/problems";
import { readWorkbook } from "../workbook/read-workbook";

/** A checked workbook, ready to be published as it is (or shown, for a dry run). */
export interface PreparedVersion {
  /** The definition as it will be stored: publishedAt is the moment it was checked. */
  definition: SurveyDefinition;
  changes: DefinitionChange[];
  warnings: WorkbookProblem[];
}

export type PublishRefusal =
  | { code: "invalid_workbook"; message: string; problems: WorkbookProblem[] }
  | {
      code: "survey_id_mismatch" | "survey_not_found" | "version_conflict" | "survey_exists";
      message: string;
    };

export type Preparation = { ok: true; prepared: PreparedVersion } | { ok: false; refusal: PublishRefusal };

/**
 * What the upload is meant to be: the next version of `surveyId`, a new survey, or either, as its
 * id says (the command line's publish).
 */
export type PublishTarget = { kind: "next"; surveyId: string } | { kind: "new" } | { kind: "either" };

const refuse = (refusal: PublishRefusal): Preparation => ({ ok: false, refusal });

/**
 * Checks a workbook as the next version of a survey (or a new survey) against what storage holds:
 * every problem of the workbook at its cell, then its id and version. The route and
 * `npm run survey -- publish` both go through here and through publishPrepared.
 */
export async function prepareVersion(
  bytes: Uint8Array,
  target: PublishTarget,
  storage: Pick<VersionStorage, "versionsOf">,
  now: Date,
): Promise<Preparation> {
  const reading = readWorkbook(bytes);
  if (!reading.ok)
    return refuse({
      code: "invalid_workbook",
      message: `the workbook has ${reading.problems.length} problem${reading.problems.length === 1 ? "" : "s"}; nothing was published`,
      problems: reading.problems,
    });
  const read = reading.definition;
  if (target.kind === "next" && read.id !== target.surveyId)
    return refuse({
      code: "survey_id_mismatch",
      message: `settings: the workbook's id is "${read.id}", not "${target.surveyId}": a version of one survey cannot be published as another's`,
    });
  const stored = await storage.versionsOf(read.id);
  const latest = stored[0];
  if (target.kind === "new" || (target.kind === "either" && !latest)) {
    if (latest)
      return refuse({
        code: "survey_exists",
        message: `settings: a survey with the id "${read.id}" exists (version ${latest.version}); publish the workbook as its version ${latest.version + 1}`,
      });
    if (read.version !== 1)
      return refuse({
        code: "version_conflict",
        message: `settings: a new survey starts at version 1, not ${read.version}`,
      });
  } else {
    if (!latest)
      return refuse({
        code: "survey_not_found",
        message: `there is no survey "${read.id}" to publish a version of`,
      });
    if (read.version !== latest.version + 1)
      return refuse({
        code: "version_conflict",
        message: `settings: the workbook is version ${read.version}; the latest published is ${latest.version}, so the next must be ${latest.version + 1}`,
      });
  }
  // The integrity rule judges each answer by when its version was published: from now on.
  const definition: SurveyDefinition = { ...read, publishedAt: now.toISOString() };
  const changes = latest ? definitionChanges(definitionOf(latest), definition) : [];
  return { ok: true, prepared: { definition, changes, warnings: reading.warnings } };
}

/**
 * Stores a prepared version and tells this process's registry at once. False when that version was
 * stored meanwhile (another request or process published it first): nothing is changed.
 */
export async function publishPrepared(
  prepared: PreparedVersion,
  storage: Pick<VersionStorage, "insertVersion">,
  surveys: Pick<SurveyRegistry, "add"> | undefined,
  publishedBy: string | null = null,
): Promise<boolean> {
  const { definition, changes } = prepared;
  const row = versionRow(
    definition,
    changes,
    definition.publishedAt ?? new Date().toISOString(),
    publishedBy,
  );
  if (!(await storage.insertVersion(row))) return false;
  surveys?.add(definition);
  return true;
}
