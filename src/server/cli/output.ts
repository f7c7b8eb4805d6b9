/** Where a command's lines go: out for its result, err for problems and warnings. */
export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}
