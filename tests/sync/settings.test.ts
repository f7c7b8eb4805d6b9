import { afterEach, describe, expect, it, vi } from "vitest";
import {
  getDeviceToken,
  getEndpoint,
  SETTINGS_CHANNEL,
  SettingsError,
  setDeviceToken,
  setEndpoint,
} from "../../src/sync";
import { freshOutbox } from "../outbox/fixtures";

afterEach(() => vi.unstubAllGlobals());

describe("endpoint", () => {
  it("defaults to this origin's /api/v1", async () => {
    vi.stubGlobal("location", { origin: "https://tsunagu.example.jp" });
    const { outbox } = await freshOutbox();
    expect(await getEndpoint(outbox)).toBe("https://tsunagu.example.jp/api/v1");
  });

  it("keeps an absolute http(s) URL without its trailing slash", async () => {
    const { outbox } = await freshOutbox();
    await setEndpoint(outbox, " http://192.168.1.20:8080/api/v1/// ");
    expect(await getEndpoint(outbox)).toBe("http://192.168.1.20:8080/api/v1");
    await setEndpoint(outbox, "https://collector.example/");
    expect(await getEndpoint(outbox)).toBe("https://collector.example");
  });

  it("refuses what would not work as a base for /responses", async () => {
    const { outbox } = await freshOutbox();
    for (const bad of [
      "/api/v1",
      "ftp://x.example/api",
      "https://u:p@x.example/api",
      "https://x.example/api?a=1",
      "nonsense",
    ])
      await expect(setEndpoint(outbox, bad)).rejects.toBeInstanceOf(SettingsError);
    expect(await outbox.getSetting("sync.endpoint")).toBeUndefined();
  });
});

describe("device token", () => {
  it("is kept, trimmed, and removed when set to undefined or blank", async () => {
    const { outbox } = await freshOutbox();
    expect(await getDeviceToken(outbox)).toBeUndefined();
    await setDeviceToken(outbox, "  abc.DEF-123_~+/=  ");
    expect(await getDeviceToken(outbox)).toBe("abc.DEF-123_~+/=");
    await setDeviceToken(outbox, undefined);
    expect(await getDeviceToken(outbox)).toBeUndefined();
    await setDeviceToken(outbox, "x");
    await setDeviceToken(outbox, "   ");
    expect(await getDeviceToken(outbox)).toBeUndefined();
  });

  it("refuses a token that could not go in a header", async () => {
    const { outbox } = await freshOutbox();
    for (const bad of ["two words", "line\nbreak", "トークン"])
      await expect(setDeviceToken(outbox, bad)).rejects.toBeInstanceOf(SettingsError);
  });
});

it("announces a change on the settings channel", async () => {
  const { outbox } = await freshOutbox();
  const channel = new BroadcastChannel(SETTINGS_CHANNEL);
  const heard = new Promise((resolve) => {
    channel.onmessage = (event) => resolve(event.data);
  });
  await setDeviceToken(outbox, "t");
  expect(await heard).toBe("changed");
  channel.close();
});
