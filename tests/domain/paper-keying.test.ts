import { describe, expect, it } from "vitest";
import { differingQuestions, settleKeyings } from "../../src/domain/paper-keying";

const k = (id: string, answers: Record<string, string | string[] | number>) => ({ id, answers });

describe("settling a paper form's keyings", () => {
  it("holds a form keyed once until its second keying", () => {
    const s = settleKeyings([k("a", { q: "yes" })]);
    expect(s.status).toBe("awaiting");
    expect(s.states.get("a")).toEqual({ state: "held", reason: "awaiting_second_keying" });
  });

  it("counts the earlier of two agreeing keyings, whatever their key order, and excludes the other", () => {
    const s = settleKeyings([k("b", { q2: ["x", "y"], q: "yes" }), k("a", { q: "yes", q2: ["x", "y"] })]);
    expect(s.status).toBe("agreed");
    expect(s.states.get("a")).toEqual({ state: "counted", reason: null });
    expect(s.states.get("b")).toEqual({ state: "excluded", reason: "duplicate_keying" });
  });

  it("puts two differing keyings in dispute, and a third that agrees with one settles it", () => {
    const first = k("a", { q: "yes", n: 3 });
    const second = k("b", { q: "yes", n: 8 });
    const disputed = settleKeyings([first, second]);
    expect(disputed.status).toBe("disputed");
    expect([...disputed.states.values()]).toEqual([
      { state: "held", reason: "keying_mismatch" },
      { state: "held", reason: "keying_mismatch" },
    ]);
    const settled = settleKeyings([first, second, k("c", { n: 8, q: "yes" })]);
    expect(settled.status).toBe("agreed");
    expect(settled.states.get("b")).toEqual({ state: "counted", reason: null });
    expect(settled.states.get("c")).toEqual({ state: "excluded", reason: "duplicate_keying" });
    expect(settled.states.get("a")).toEqual({ state: "excluded", reason: "superseded_keying" });
  });

  it("leaves three keyings that all differ, or two against two, in dispute", () => {
    expect(settleKeyings([k("a", { q: "1" }), k("b", { q: "2" }), k("c", { q: "3" })]).status).toBe(
      "disputed",
    );
    expect(
      settleKeyings([k("a", { q: "1" }), k("b", { q: "2" }), k("c", { q: "1" }), k("d", { q: "2" })]).status,
    ).toBe("disputed");
  });

  it("tells a blank from an answer, and names the questions that differ", () => {
    expect(settleKeyings([k("a", {}), k("b", { q: "yes" })]).status).toBe("disputed");
    expect([...differingQuestions([{ answers: { q: "yes", r: 1 } }, { answers: { r: 1 } }])]).toEqual(["q"]);
    expect([...differingQuestions([{ answers: { m: ["a", "b"] } }, { answers: { m: ["a", "b"] } }])]).toEqual(
      [],
    );
  });
});
