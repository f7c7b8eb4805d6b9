import { expect, it } from "vitest";
import { openingWave, recentWaves } from "../../src/app/dashboard/waves";

const APRIL_2027 = new Date("2027-04-10T03:00:00Z"); // FY2027 has just begun

it("opens on the newest wave with counted answers, not on a new fiscal year with none", () => {
  expect(openingWave({ waves: [2024, 2026, 2025] }, APRIL_2027)).toBe(2026);
});

it("opens on this fiscal year before there is any answer at all", () => {
  expect(openingWave({ waves: [] }, APRIL_2027)).toBe(2027);
  expect(openingWave(undefined, APRIL_2027)).toBe(2027);
});

it("offers this fiscal year and the four before it for the counts panel", () => {
  expect(recentWaves(APRIL_2027)).toEqual([2027, 2026, 2025, 2024, 2023]);
});
