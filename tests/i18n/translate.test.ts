import { describe, expect, it } from "vitest";
import { fill, lookUp } from "../../src/i18n/translate";

const resident = {
  respondent: { next: "Next", range: "From {{min}} to {{max}}." },
  header: { appName: "Tsunagu" },
};
const staff = { dashboard: { title: "Dashboard" } };

describe("lookUp", () => {
  it("reads a message by its dotted key, in the first catalogue that has it", () => {
    expect(lookUp([resident, staff], "respondent.next")).toBe("Next");
    expect(lookUp([resident, staff], "dashboard.title")).toBe("Dashboard");
    expect(lookUp([{ header: { appName: "First" } }, resident], "header.appName")).toBe("First");
  });

  it("finds nothing for a missing key, a group, a path through a message or a catalogue not loaded", () => {
    expect(lookUp([resident, staff], "respondent.missing")).toBeUndefined();
    expect(lookUp([resident, staff], "respondent")).toBeUndefined();
    expect(lookUp([resident, staff], "respondent.next.more")).toBeUndefined();
    expect(lookUp([undefined, undefined], "respondent.next")).toBeUndefined();
  });
});

describe("fill", () => {
  it("puts each value in its placeholders, every time one is named, spaces inside the braces allowed", () => {
    expect(fill("From {{min}} to {{max}}.", { min: "1", max: "9" })).toBe("From 1 to 9.");
    expect(fill("{{n}} and {{ n }} again", { n: "3" })).toBe("3 and 3 again");
  });

  it("leaves a placeholder without a value as it is, and a message without placeholders untouched", () => {
    expect(fill("From {{min}} to {{max}}.", { min: "1" })).toBe("From 1 to {{max}}.");
    expect(fill("Next", { n: "1" })).toBe("Next");
  });

  it("writes values as they are: not filled in again, no replacement patterns", () => {
    expect(fill("Answer: {{a}} / {{b}}", { a: "{{b}}", b: "x" })).toBe("Answer: {{b}} / x");
    expect(fill("Cost {{price}}", { price: "$& $1 $$" })).toBe("Cost $& $1 $$");
  });

  it("ignores what only looks like a placeholder on an object's prototype", () => {
    expect(fill("{{constructor}} {{toString}}", {})).toBe("{{constructor}} {{toString}}");
  });
});
