import { describe, expect, it } from "vitest";
import { hashPin, isValidPin, pinMatches } from "../../src/app/device/pin";

describe("the staff PIN", () => {
  it("is kept as a salted hash that the right PIN matches and no other", async () => {
    const stored = await hashPin("2468");
    expect(JSON.stringify(stored)).not.toContain("2468");
    expect(stored.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await pinMatches("2468", stored)).toBe(true);
    expect(await pinMatches("2469", stored)).toBe(false);
    expect(await pinMatches("", stored)).toBe(false);
  });

  it("salts each hash: the same PIN twice gives two different hashes", async () => {
    const [a, b] = await Promise.all([hashPin("1234"), hashPin("1234")]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it("takes 4 to 8 digits only", () => {
    expect(["1234", "12345678"].map(isValidPin)).toEqual([true, true]);
    expect(["123", "123456789", "12a4", " 1234", "１２３４"].map(isValidPin)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
