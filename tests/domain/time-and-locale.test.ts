import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fiscalYear, fiscalYearRange, formatFiscalYear } from "../../src/domain/fiscal-year";
import { LOCALES, localize, pickLocale } from "../../src/domain/locales";
import { ResponseId } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";

describe("fiscalYear (Asia/Tokyo, April to March)", () => {
  it("starts FY2026 at 2026-04-01 00:00 JST = 2026-03-31T15:00Z", () => {
    expect(fiscalYear("2026-03-31T15:00:00Z")).toBe(2026);
    expect(fiscalYear("2026-03-31T14:59:59.999Z")).toBe(2025);
    expect(fiscalYear("2026-03-31T15:30Z")).toBe(2026);
  });

  it("reads offsets and Date objects", () => {
    expect(fiscalYear("2026-04-01T00:00:00+09:00")).toBe(2026);
    expect(fiscalYear("2026-03-31T23:59:59+09:00")).toBe(2025);
    expect(fiscalYear("2026-03-31T10:00:00-05:00")).toBe(2026); // 2026-04-01 00:00 JST
    expect(fiscalYear(new Date(Date.UTC(2026, 0, 15)))).toBe(2025);
    expect(fiscalYear(new Date(Date.UTC(2026, 11, 31, 14, 59)))).toBe(2026);
    expect(fiscalYear("2027-03-31T14:59:59.999Z")).toBe(2026);
  });

  it("refuses a string that is not an instant", () => {
    expect(() => fiscalYear("not a date")).toThrow(RangeError);
    expect(() => fiscalYear(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("gives the wave's range as UTC instants, end exclusive", () => {
    expect(fiscalYearRange(2026)).toEqual({
      start: "2026-03-31T15:00:00.000Z",
      end: "2027-03-31T15:00:00.000Z",
    });
  });

  it("puts every instant inside the range of its own fiscal year", () => {
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const fy = fiscalYear(new Date(ms));
        const { start, end } = fiscalYearRange(fy);
        expect(Date.parse(start)).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(Date.parse(end));
        expect(fiscalYear(start)).toBe(fy);
        expect(fiscalYear(new Date(Date.parse(end) - 1))).toBe(fy);
      }),
    );
  });
});

describe("formatFiscalYear", () => {
  it("writes 令和N年度 in Japanese, with 元年 for 2019", () => {
    expect(formatFiscalYear(2026, "ja")).toBe("令和8年度");
    expect(formatFiscalYear(2019, "ja")).toBe("令和元年度");
    expect(formatFiscalYear(2020, "ja")).toBe("令和2年度");
    expect(formatFiscalYear(2018, "ja")).toBe("平成30年度");
    expect(formatFiscalYear(2026, "ja-x-easy")).toBe("令和8年度");
  });

  it("writes FY20xx elsewhere", () => {
    expect(formatFiscalYear(2026, "en")).toBe("FY2026");
    expect(formatFiscalYear(2026, "zh-Hans")).toBe("FY2026");
    expect(formatFiscalYear(2026, "ko")).toBe("FY2026");
    expect(formatFiscalYear(2026, "vi")).toBe("FY2026");
  });
});

describe("uuidv7", () => {
  const zeros = (b: Uint8Array) => b.fill(0);
  const ones = (b: Uint8Array) => b.fill(0xff);

  it("puts the milliseconds in the first 48 bits, then version 7 and variant 10", () => {
    const ms = 0x0190_1234_5678;
    expect(uuidv7(ms, zeros)).toBe("01901234-5678-7000-8000-000000000000");
    expect(uuidv7(ms, ones)).toBe("01901234-5678-7fff-bfff-ffffffffffff");
    expect(uuidv7(ms + 0.9, zeros)).toBe("01901234-5678-7000-8000-000000000000");
  });

  it("matches the Response id format for any time and random bytes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (ms, random) => {
          const id = uuidv7(ms, (b) => b.set(random));
          expect(ResponseId.safeParse(id).success).toBe(true);
          expect(id[14]).toBe("7");
          expect("89ab").toContain(id[19]);
          expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms);
        },
      ),
    );
  });

  it("sorts by time whatever the random bits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 2 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (ms, gap, r1, r2) => {
          const later = Math.min(ms + gap, 2 ** 48 - 1);
          const a = uuidv7(ms, (b) => b.set(r1));
          const b = uuidv7(later, (x) => x.set(r2));
          expect(a < b).toBe(true);
        },
      ),
    );
  });

  it("draws fresh random bits by default", () => {
    const ms = Date.UTC(2026, 3, 1); // 0x019d46570000
    const ids = new Set(Array.from({ length: 100 }, () => uuidv7(ms)));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id.startsWith("019d4657-0000-7")).toBe(true);
  });
});

describe("pickLocale", () => {
  it("takes an exact match, case-insensitively", () => {
    expect(pickLocale(["en"])).toBe("en");
    expect(pickLocale(["KO"])).toBe("ko");
    expect(pickLocale(["ja-x-easy"])).toBe("ja-x-easy");
  });

  it("falls back to the base language", () => {
    expect(pickLocale(["ja-JP"])).toBe("ja");
    expect(pickLocale(["en-GB"])).toBe("en");
    expect(pickLocale(["vi-VN"])).toBe("vi");
    expect(pickLocale(["ko-KR"])).toBe("ko");
  });

  it("maps every Chinese tag to zh-Hans", () => {
    expect(pickLocale(["zh"])).toBe("zh-Hans");
    expect(pickLocale(["zh-CN"])).toBe("zh-Hans");
    expect(pickLocale(["zh-Hans-CN"])).toBe("zh-Hans");
  });

  it("takes the first supported preference in order", () => {
    expect(pickLocale(["fr-FR", "de", "vi", "en"])).toBe("vi");
  });

  it("falls back to Japanese, or the first available when Japanese is not offered", () => {
    expect(pickLocale(["fr"])).toBe("ja");
    expect(pickLocale([])).toBe("ja");
    expect(pickLocale(["fr"], ["en", "ko"])).toBe("en");
    expect(pickLocale(["ko"], ["ja", "en"])).toBe("ja");
    expect(pickLocale(["zh-TW"], ["ja", "en"])).toBe("ja");
  });

  it("knows the six locales", () => {
    expect([...LOCALES]).toEqual(["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"]);
  });
});

describe("localize", () => {
  it("gives the locale's text, else Japanese", () => {
    const text = { ja: "防災", en: "Disaster preparedness" };
    expect(localize(text, "en")).toBe("Disaster preparedness");
    expect(localize(text, "vi")).toBe("防災");
    expect(localize(text, "xx")).toBe("防災");
  });
});
