import {
  type CellRef,
  type ProblemCode,
  type ProblemParams,
  problemAt,
  type WorkbookProblem,
} from "./problems";

export type DefinitionPath = readonly (string | number)[];

const key = (path: DefinitionPath) => path.join(".");

/**
 * What reading a workbook has found so far: its problems; which cell each part of the definition
 * came from (so that a problem the domain's schema finds in the definition is reported at a cell);
 * and which parts of the definition a problem already covers (so that the schema's own finding of
 * the same fault, or of one that follows from it, is not reported a second time).
 */
export class Findings {
  readonly problems: WorkbookProblem[] = [];
  private readonly cells = new Map<string, CellRef>();
  private readonly covered = new Set<string>();

  add(cell: CellRef, code: ProblemCode, params: ProblemParams = {}, covers?: DefinitionPath): void {
    this.problems.push(problemAt(cell, code, params));
    if (covers) this.cover(covers);
  }

  /** Marks a part of the definition as accounted for by a problem already reported. */
  cover(path: DefinitionPath): void {
    this.covered.add(key(path));
  }

  place(path: DefinitionPath, cell: CellRef): void {
    this.cells.set(key(path), cell);
  }

  /** The cell of the longest placed prefix of `path`. */
  cellOf(path: DefinitionPath): CellRef | undefined {
    for (let n = path.length; n >= 0; n--) {
      const cell = this.cells.get(key(path.slice(0, n)));
      if (cell) return cell;
    }
    return undefined;
  }

  isCovered(path: DefinitionPath): boolean {
    for (let n = path.length; n >= 0; n--) if (this.covered.has(key(path.slice(0, n)))) return true;
    return false;
  }
}
