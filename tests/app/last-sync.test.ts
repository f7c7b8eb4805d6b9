import { describe, expect, it } from "vitest";
import { formatSince } from "../../src/app/dashboard/events/last-sync";

const NOW = Date.parse("2026-09-01T03:00:00.000Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe("a tablet's last sync in the reader's words", () => {
  it("says seconds ago as now, then minutes and hours ago, in the reader's language", () => {
    expect(formatSince(ago(20_000), NOW, "ja")).toBe("今");
    expect(formatSince(ago(3 * 60_000 + 59_000), NOW, "ja")).toBe("3 分前");
    expect(formatSince(ago(3 * 60_000), NOW, "en")).toBe("3 minutes ago");
    expect(formatSince(ago(2 * 3_600_000 + 5 * 60_000), NOW, "en")).toBe("2 hours ago");
  });

  it("reads a time a little ahead of this browser's clock as now", () => {
    expect(formatSince(ago(-5_000), NOW, "en")).toBe("now");
  });

  it("gives a day and time in the reader's time zone after a day", () => {
    const at = ago(3 * 24 * 3_600_000);
    const shown = formatSince(at, NOW, "ja");
    expect(shown).toBe(
      new Intl.DateTimeFormat("ja", { dateStyle: "medium", timeStyle: "short" }).format(new Date(at)),
    );
  });
});
