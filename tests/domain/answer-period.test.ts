import { describe, expect, it } from "vitest";
import { answerPeriodAt, answerPeriodOn } from "../../src/domain/answer-period";

const period = { opens: "2026-07-01", closes: "2026-07-31" };

// Issue 20, item 6: both days included, and a day is Tokyo's whatever the instant's offset.
describe("a survey's answer period", () => {
  it.each([
    ["the day before it opens", "2026-06-30", "before"],
    ["the day it opens", "2026-07-01", "open"],
    ["the day it closes", "2026-07-31", "open"],
    ["the day after it closes", "2026-08-01", "closed"],
    ["a year later", "2027-07-15", "closed"],
  ])("is %s: %s is %s", (_what, day, expected) => {
    expect(answerPeriodOn(period, day)).toBe(expected);
  });

  it.each([
    // 23:59:59 in Tokyo on the close day is still open; a second later it is closed.
    ["2026-07-31T14:59:59.999Z", "open"],
    ["2026-07-31T15:00:00.000Z", "closed"],
    ["2026-07-31T23:59:59+09:00", "open"],
    ["2026-08-01T00:00:00+09:00", "closed"],
    // In UTC still 30 June, in Tokyo already the first day.
    ["2026-06-30T14:59:59.999Z", "before"],
    ["2026-06-30T15:00:00.000Z", "open"],
    // An instant written in another zone is judged by its Tokyo day: 31 July 20:00 in New York is
    // 1 August 09:00 in Tokyo.
    ["2026-07-31T20:00:00-04:00", "closed"],
  ])("at %s is %s", (instant, expected) => {
    expect(answerPeriodAt(period, instant)).toBe(expected);
    expect(answerPeriodAt(period, new Date(instant))).toBe(expected);
  });

  it("is open at any time without dates, and has only the bound it has", () => {
    expect(answerPeriodOn({}, "1999-01-01")).toBe("open");
    expect(answerPeriodOn({ opens: "2026-07-01" }, "2030-01-01")).toBe("open");
    expect(answerPeriodOn({ opens: "2026-07-01" }, "2026-06-30")).toBe("before");
    expect(answerPeriodOn({ closes: "2026-07-31" }, "2000-01-01")).toBe("open");
    expect(answerPeriodOn({ closes: "2026-07-31" }, "2026-08-01")).toBe("closed");
  });

  it("refuses an instant that is none", () => {
    expect(() => answerPeriodAt(period, "not a date")).toThrow(RangeError);
  });
});
