import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** The project's own modules under src/, by path relative to src/ (without the extension). */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;
// Static imports and re-exports, and dynamic import() with a literal: a lazy import still ties the
// two modules' folders together, so the layer rules hold for it too.
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"`]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Reads every module under `srcDir` and the project modules each one imports. */
export function importGraph(srcDir: string): ImportGraph {
  const files = sources(srcDir);
  const known = new Set(files.map((f) => relative(srcDir, f).replace(SOURCE, "")));
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const from = relative(srcDir, file).replace(SOURCE, "");
    const targets: string[] = [];
    for (const match of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec?.startsWith(".")) continue;
      const target = relative(srcDir, resolve(dirname(file), spec)).replace(SOURCE, "");
      const found = [target, `${target}/index`].find((t) => known.has(t));
      if (found) targets.push(found);
    }
    graph.set(from, targets);
  }
  return graph;
}

/** Every cycle's modules, each cycle once (Tarjan's strongly connected components of size > 1). */
export function cycles(graph: ImportGraph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(node, Math.min(low.get(node) as number, indexOf.get(next) as number));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return found;
}
