import { beforeAll, describe, expect, it } from "vitest";
import { formatFiscalYear } from "../../src/domain/fiscal-year";
import { LOCALES } from "../../src/domain/locales";
import { formatNumber, initI18n, setLanguage, t } from "../../src/i18n";

// Numbers in messages go through Intl in the reader's language.
describe("numbers in messages", () => {
  beforeAll(async () => {
    await initI18n("ja");
  });

  it("groups digits the Japanese way in Japanese and in やさしい日本語", async () => {
    await setLanguage("ja");
    expect(t("status.pending", { n: 1234 })).toBe("未送信 1,234 件");
    await setLanguage("ja-x-easy");
    expect(formatNumber(1234)).toBe("1,234");
  });

  it("groups with a dot in Vietnamese and a comma in English", async () => {
    await setLanguage("vi");
    expect(t("status.pending", { n: 1234 })).toContain("1.234");
    expect(formatNumber(2.5)).toBe("2,5");
    await setLanguage("en");
    expect(t("status.pending", { n: 1234 })).toContain("1,234");
  });

  it("writes whole numbers under 1,000 exactly as Intl does, in every language (the shortcut)", async () => {
    for (const locale of LOCALES) {
      await setLanguage(locale);
      const intl = new Intl.NumberFormat(locale);
      for (let n = -999; n <= 999; n++) expect(formatNumber(n)).toBe(intl.format(n));
      expect(formatNumber(1000)).toBe(intl.format(1000));
      expect(formatNumber(-0.5)).toBe(intl.format(-0.5));
    }
  });

  it("leaves strings as they are", async () => {
    await setLanguage("en");
    expect(t("respondent.numberRange", { min: "0", max: "1000" })).toContain("1000");
    expect(t("respondent.numberRange", { min: 0, max: 1000 })).toContain("1,000");
  });
});

describe("fiscal year in the UI's languages", () => {
  it("is 令和N年度 in both Japanese catalogues, FY elsewhere", () => {
    expect(formatFiscalYear(2025, "ja")).toBe("令和7年度");
    expect(formatFiscalYear(2025, "ja-x-easy")).toBe("令和7年度");
    expect(formatFiscalYear(2019, "ja")).toBe("令和元年度");
    expect(formatFiscalYear(2025, "en")).toBe("FY2025");
    expect(formatFiscalYear(2025, "vi")).toBe("FY2025");
  });
});
