import { useState } from "preact/hooks";
import type { DryRunResult, PublishedVersion, WorkbookProblem } from "../../../contract/versions";
import { ApiError, UnauthorizedError } from "../../collector/organizer-fetch";
import { InvalidWorkbookError } from "../../collector/versions-api";
import { collectorProblem, type ProblemText } from "../collector-problem";

export type Upload =
  | { phase: "idle" }
  | { phase: "checking" }
  | { phase: "problems"; problems: readonly WorkbookProblem[] }
  | { phase: "failed"; problem: ProblemText }
  | { phase: "checked"; file: Blob; result: DryRunResult; publishing?: boolean; refused?: ProblemText }
  | { phase: "conflict" }
  | { phase: "published"; published: PublishedVersion };

export interface WorkbookUploadOptions {
  /** The dry run: what the workbook would publish, nothing stored. */
  check(file: Blob): Promise<DryRunResult>;
  /** The same file again, published. */
  publish(file: Blob): Promise<PublishedVersion>;
  /**
   * The collector's code for "this cannot go out as it is meant to" (a version published meanwhile,
   * a survey with the id already there): shown as the section's own sentence, not as a failure.
   * `atCheck`: the dry run refuses with it too (a new survey's id is taken before anything is shown).
   */
  conflict: { code: string; atCheck: boolean };
  onUnauthorized(): void;
  onPublished?(published: PublishedVersion): void;
  onConflict?(): void;
}

/**
 * The upload of a workbook, shared by the next version's and the new survey's sections: checked
 * first (every problem at its cell, or what it would publish), published only on publish(), which
 * sends the same file again without the dry run.
 */
export function useWorkbookUpload(options: WorkbookUploadOptions) {
  const [file, setFile] = useState<File | undefined>();
  const [upload, setUpload] = useState<Upload>({ phase: "idle" });

  /** A refusal in words; a refused session goes to the sign-in instead (undefined). */
  const fail = (error: unknown): ProblemText | undefined => {
    if (error instanceof UnauthorizedError) {
      options.onUnauthorized();
      return undefined;
    }
    return collectorProblem(error);
  };
  const isConflict = (error: unknown) => error instanceof ApiError && error.code === options.conflict.code;

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setUpload({ phase: "idle" });
  };

  const check = async (event?: Event) => {
    event?.preventDefault();
    if (!file || upload.phase === "checking") return;
    setUpload({ phase: "checking" });
    try {
      setUpload({ phase: "checked", file, result: await options.check(file) });
    } catch (error) {
      if (error instanceof InvalidWorkbookError)
        return setUpload({ phase: "problems", problems: error.problems });
      if (options.conflict.atCheck && isConflict(error)) {
        setUpload({ phase: "conflict" });
        return options.onConflict?.();
      }
      const problem = fail(error);
      setUpload(problem ? { phase: "failed", problem } : { phase: "idle" });
    }
  };

  const publish = async () => {
    if (upload.phase !== "checked" || upload.publishing) return;
    setUpload({ phase: "checked", file: upload.file, result: upload.result, publishing: true });
    try {
      const published = await options.publish(upload.file);
      setUpload({ phase: "published", published });
      options.onPublished?.(published);
    } catch (error) {
      if (isConflict(error)) {
        setUpload({ phase: "conflict" });
        return options.onConflict?.();
      }
      if (error instanceof InvalidWorkbookError)
        return setUpload({ phase: "problems", problems: error.problems });
      const problem = fail(error);
      setUpload(problem ? { ...upload, publishing: false, refused: problem } : { phase: "idle" });
    }
  };

  return { file, upload, choose, check, publish };
}
