import { describe, expect, it } from "vitest";
import { toggleOption } from "../../src/app/respondent/toggle-option";

describe("toggleOption", () => {
  const exclusive = ["none"];
  it("adds and removes an ordinary option", () => {
    expect(toggleOption(["a"], "b", true, exclusive)).toEqual(["a", "b"]);
    expect(toggleOption(["a", "b"], "a", false, exclusive)).toEqual(["b"]);
  });
  it("an exclusive option clears the others", () => {
    expect(toggleOption(["a", "b"], "none", true, exclusive)).toEqual(["none"]);
  });
  it("any other option clears the exclusive one", () => {
    expect(toggleOption(["none"], "a", true, exclusive)).toEqual(["a"]);
  });
  it("never lists an option twice", () => {
    expect(toggleOption(["a"], "a", true, exclusive)).toEqual(["a"]);
  });
});
