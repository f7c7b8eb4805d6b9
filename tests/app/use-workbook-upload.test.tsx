import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, UnauthorizedError } from "../../src/app/collector/organizer-fetch";
import { InvalidWorkbookError } from "../../src/app/collector/versions-api";
import {
  useWorkbookUpload,
  type WorkbookUploadOptions,
} from "../../src/app/dashboard/versions/use-workbook-upload";
import type { DryRunResult, PublishedVersion, WorkbookProblem } from "../../src/contract/versions";
import type { SurveyDefinition } from "../../src/domain/definition";
import ward from "../../surveys/ward-resident.json";

// Hooks run in Node: the probe draws nothing, so preact needs no document, only a root to own.
const root = { childNodes: [], firstChild: null, ownerDocument: {}, nodeType: 1 } as unknown as Element;
afterEach(() => act(() => render(null, root)));

const dryRun: DryRunResult = { definition: ward as unknown as SurveyDefinition, changes: [], warnings: [] };
const published: PublishedVersion = { surveyId: "ward-youth", version: 1, changes: [] };
const problem: WorkbookProblem = {
  sheet: "survey",
  row: 4,
  column: "A",
  code: "unknown_list",
  params: { list: "x" },
  message: "no list x",
};
const file = new File([new Uint8Array([1, 2, 3])], "book.xlsx");
const exists = new ApiError("exists", [], "survey_exists", 409);

type Hook = ReturnType<typeof useWorkbookUpload>;

function mount(overrides: Partial<WorkbookUploadOptions> = {}) {
  const options: WorkbookUploadOptions = {
    check: vi.fn(async () => dryRun),
    publish: vi.fn(async () => published),
    conflict: { code: "survey_exists", atCheck: true },
    onUnauthorized: vi.fn(),
    onPublished: vi.fn(),
    onConflict: vi.fn(),
    ...overrides,
  };
  let hook: Hook | undefined;
  function Probe() {
    hook = useWorkbookUpload(options);
    return null;
  }
  act(() => render(<Probe />, root));
  const now = () => hook as Hook;
  const choose = () => act(() => now().choose(file));
  const check = () => act(() => now().check());
  const publish = () => act(() => now().publish());
  return { options, now, choose, check, publish };
}

describe("useWorkbookUpload", () => {
  it("checks nothing before a file is chosen, then checks and publishes the same file", async () => {
    const h = mount();
    await h.check();
    expect(h.options.check).not.toHaveBeenCalled();
    h.choose();
    await h.check();
    expect(h.options.check).toHaveBeenCalledWith(file);
    expect(h.now().upload).toMatchObject({ phase: "checked", file, result: dryRun });
    await h.publish();
    expect(h.options.publish).toHaveBeenCalledWith(file);
    expect(h.now().upload).toEqual({ phase: "published", published });
    expect(h.options.onPublished).toHaveBeenCalledWith(published);
  });

  it("shows the workbook's problems at their cells", async () => {
    const h = mount({
      check: vi.fn(async () => {
        throw new InvalidWorkbookError("1 problem", [problem]);
      }),
    });
    h.choose();
    await h.check();
    expect(h.now().upload).toEqual({ phase: "problems", problems: [problem] });
  });

  it("takes the conflict code at the check as a conflict only where told to", async () => {
    const atCheck = mount({ check: vi.fn(async () => Promise.reject(exists)) });
    atCheck.choose();
    await atCheck.check();
    expect(atCheck.now().upload).toEqual({ phase: "conflict" });
    expect(atCheck.options.onConflict).toHaveBeenCalledTimes(1);

    const notAtCheck = mount({
      check: vi.fn(async () => Promise.reject(exists)),
      conflict: { code: "survey_exists", atCheck: false },
    });
    notAtCheck.choose();
    await notAtCheck.check();
    expect(notAtCheck.now().upload.phase).toBe("failed");
    expect(notAtCheck.options.onConflict).not.toHaveBeenCalled();
  });

  it("says conflict when Publish is refused with the code, and keeps the check on another refusal", async () => {
    const h = mount({ publish: vi.fn(async () => Promise.reject(exists)) });
    h.choose();
    await h.check();
    await h.publish();
    expect(h.now().upload).toEqual({ phase: "conflict" });
    expect(h.options.onConflict).toHaveBeenCalledTimes(1);
    expect(h.options.onPublished).not.toHaveBeenCalled();

    const other = mount({
      publish: vi.fn(async () => Promise.reject(new ApiError("full", [], "storage_full", 507))),
    });
    other.choose();
    await other.check();
    await other.publish();
    expect(other.now().upload).toMatchObject({ phase: "checked", publishing: false, result: dryRun });
    expect(other.now().upload).toHaveProperty("refused");
  });

  it("hands a refused session to onUnauthorized and shows no failure", async () => {
    const h = mount({ check: vi.fn(async () => Promise.reject(new UnauthorizedError("HTTP 401"))) });
    h.choose();
    await h.check();
    expect(h.options.onUnauthorized).toHaveBeenCalledTimes(1);
    expect(h.now().upload).toEqual({ phase: "idle" });
  });
});
