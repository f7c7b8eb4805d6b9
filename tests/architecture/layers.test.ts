import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, type ImportGraph, importGraph } from "./import-graph";

// DESIGN.md "Layout": which folder of src/ may import which. A module's room is its first folder
// (sw.ts is a room of its own); every room may import itself.
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  contract: ["domain"],
  // The outbox keeps the collector's verdict on each item (contract's ItemResult) beside the record.
  outbox: ["domain", "contract"],
  sync: ["domain", "contract", "outbox"],
  i18n: ["domain"],
  app: ["domain", "contract", "outbox", "sync", "i18n"],
  sw: ["domain", "contract", "outbox", "sync"],
  build: ["domain", "contract", "app", "i18n"],
  server: ["domain", "contract"],
};

const roomOf = (module: string) => (module === "sw" ? "sw" : (module.split("/")[0] as string));

function breaches(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    const room = roomOf(from);
    const allowed = MAY_IMPORT[room];
    for (const target of targets) {
      const other = roomOf(target);
      if (other === room) continue;
      if (!allowed?.includes(other)) found.push(`${from} -> ${target}`);
    }
  }
  return found;
}

describe("the layout's rules (DESIGN.md)", () => {
  const graph = importGraph(join(import.meta.dirname, "../../src"));

  it("reads the whole of src", () => {
    expect(graph.size).toBeGreaterThan(200);
    for (const room of Object.keys(MAY_IMPORT))
      expect(
        [...graph.keys()].some((m) => roomOf(m) === room),
        room,
      ).toBe(true);
  });

  it("has no import cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("imports only across the rooms the layout allows", () => {
    expect(breaches(graph)).toEqual([]);
  });

  it("finds a cycle and a breach where there is one", () => {
    const bad: ImportGraph = new Map([
      ["domain/a", ["domain/b"]],
      ["domain/b", ["domain/a", "app/x"]],
      ["app/x", []],
    ]);
    expect(cycles(bad)).toEqual([["domain/a", "domain/b"]]);
    expect(breaches(bad)).toEqual(["domain/b -> app/x"]);
  });
});
