import { describe, expect, it } from "vitest";
import { nextTry } from "../../src/app/device/server-wait";
import { reachableFromPage } from "../../src/app/device/settings";

const NOW = 1_760_000_000_000;
const MAX = 300_000;

// Issue 26, item 2: what the status bar says while the collector asks the device to wait.
describe("nextTry", () => {
  it("is the shared not-before time while it is ahead, or this page's own later retry", () => {
    expect(nextTry(NOW + 60_000, NOW + 5_000, NOW, MAX)).toBe(NOW + 60_000);
    expect(nextTry(NOW + 60_000, NOW + 90_000, NOW, MAX)).toBe(NOW + 90_000);
    expect(nextTry(NOW + 60_000, undefined, NOW, MAX)).toBe(NOW + 60_000);
  });

  it("says nothing once the wait is over, with none stored, or with a time no runner writes", () => {
    expect(nextTry(NOW, NOW + 5_000, NOW, MAX)).toBeUndefined();
    expect(nextTry(undefined, NOW + 5_000, NOW, MAX)).toBeUndefined();
    expect(nextTry("soon", undefined, NOW, MAX)).toBeUndefined();
    expect(nextTry(Number.NaN, undefined, NOW, MAX)).toBeUndefined();
    // A clock set back: the engine does not keep to it, so neither does the status bar.
    expect(nextTry(NOW + MAX + 1, undefined, NOW, MAX)).toBeUndefined();
  });
});

// Issue 26, item 2: an endpoint the page's Content-Security-Policy would block is refused when saved.
describe("reachableFromPage", () => {
  const page = "https://tsunagu.example.jp";

  it("takes any https endpoint, and an http one only on the page's own origin", () => {
    expect(reachableFromPage("https://collector.example.org/api/v1", page)).toBe(true);
    expect(reachableFromPage("http://localhost:8080/api/v1", "http://localhost:8080")).toBe(true);
    expect(reachableFromPage("http://127.0.0.1:5173/api/v1", "http://127.0.0.1:5173")).toBe(true);
  });

  it("refuses an http endpoint on any other origin, localhost on another port included", () => {
    expect(reachableFromPage("http://collector.example.org/api/v1", page)).toBe(false);
    expect(reachableFromPage(" http://tsunagu.example.jp/api/v1", page)).toBe(false);
    expect(reachableFromPage("http://localhost:8081/api/v1", "http://localhost:8080")).toBe(false);
  });

  it("takes a collector on this machine over http where the page has no policy (npm run dev)", () => {
    expect(reachableFromPage("http://localhost:8080/api/v1", "http://localhost:5173", true)).toBe(true);
    expect(reachableFromPage("http://127.0.0.1:8080/api/v1", "http://localhost:5173", true)).toBe(true);
    expect(reachableFromPage("http://collector.example.org/api/v1", "http://localhost:5173", true)).toBe(
      false,
    );
  });

  it("leaves what is not a URL to the endpoint's own check", () => {
    expect(reachableFromPage("collector", page)).toBe(true);
  });
});
