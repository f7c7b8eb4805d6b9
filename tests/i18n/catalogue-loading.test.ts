import { describe, expect, it, vi } from "vitest";
import { initI18n, loadStaffMessages, setLanguage, t } from "../../src/i18n";
import en from "../../src/i18n/catalogues/en";
import ja from "../../src/i18n/catalogues/ja";
import staffEn from "../../src/i18n/staff/en";
import staffJa from "../../src/i18n/staff/ja";

// The Korean chunk as a flaky network leaves it before the service worker has it: its import fails.
vi.mock("../../src/i18n/catalogues/ko", () => {
  throw new Error("Failed to fetch dynamically imported module");
});

describe("each language's messages, fetched as a chunk of their own", () => {
  it("are there once initI18n or setLanguage has resolved", async () => {
    await initI18n("en");
    expect(t("header.appName")).toBe(en.header.appName);
    await setLanguage("ja");
    expect(t("header.appName")).toBe(ja.header.appName);
  });

  it("show Japanese for a language the app does not have", async () => {
    await setLanguage("fr");
    expect(t("header.appName")).toBe(ja.header.appName);
  });

  it("show Japanese, not keys and not nothing, when a language's chunk cannot be fetched", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await setLanguage("en");
    await setLanguage("ko");
    expect(t("header.appName")).toBe(ja.header.appName);
    expect(logged).toHaveBeenCalledWith("messages in ko unavailable", expect.any(Error));
    logged.mockRestore();
  });

  it("leave the staff pages' words out until a staff page asks, then bring them in every language shown", async () => {
    await setLanguage("en");
    // Not loaded: the key reads as itself.
    expect(t("dashboard.title")).toBe("dashboard.title");
    await loadStaffMessages();
    expect(t("dashboard.title")).toBe(staffEn.dashboard.title);
    expect(t("header.appName")).toBe(en.header.appName);
    await setLanguage("ja");
    expect(t("dashboard.title")).toBe(staffJa.dashboard.title);
    expect(t("header.appName")).toBe(ja.header.appName);
  });
});
