import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  CODE_BODY_LENGTH,
  checkCharacter,
  formatInvitationCode,
  parseInvitationCode,
} from "../../src/domain/invitation-code";

const body = fc
  .array(fc.constantFrom(...CODE_ALPHABET), { minLength: CODE_BODY_LENGTH, maxLength: CODE_BODY_LENGTH })
  .map((chars) => chars.join(""));
const code = body.map((b) => b + checkCharacter(b));

describe("invitation codes", () => {
  it("has 31 characters none of which looks like another (no 0, O, 1, I, L)", () => {
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (const ch of "0O1IL") expect(CODE_ALPHABET).not.toContain(ch);
  });

  it("accepts every code made with its check character, grouped or not, in any case", () => {
    fc.assert(
      fc.property(code, (c) => {
        expect(parseInvitationCode(c)).toEqual({ ok: true, code: c });
        expect(parseInvitationCode(formatInvitationCode(c).toLowerCase())).toEqual({ ok: true, code: c });
        expect(parseInvitationCode(` ${c.slice(0, 3)} ${c.slice(3)} `)).toEqual({ ok: true, code: c });
      }),
    );
  });

  it("accepts full-width characters as a Japanese keyboard types them", () => {
    const c = `ABCDEFGH${checkCharacter("ABCDEFGH")}`;
    const wide = [...c].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("");
    expect(parseInvitationCode(wide)).toEqual({ ok: true, code: c });
  });

  it("catches every single substitution", () => {
    fc.assert(
      fc.property(code, fc.nat({ max: 8 }), fc.nat({ max: 29 }), (c, at, shift) => {
        const old = CODE_ALPHABET.indexOf(c.charAt(at));
        const replaced = CODE_ALPHABET.charAt((old + 1 + shift) % 31);
        const typo = c.slice(0, at) + replaced + c.slice(at + 1);
        expect(typo).not.toBe(c);
        expect(parseInvitationCode(typo)).toEqual({ ok: false, problem: "check" });
      }),
    );
  });

  it("catches every swap of two neighbouring different characters, the check character's too", () => {
    fc.assert(
      fc.property(code, fc.nat({ max: 7 }), (c, at) => {
        fc.pre(c.charAt(at) !== c.charAt(at + 1));
        const typo = c.slice(0, at) + c.charAt(at + 1) + c.charAt(at) + c.slice(at + 2);
        expect(parseInvitationCode(typo)).toEqual({ ok: false, problem: "check" });
      }),
    );
  });

  it("says a code of the wrong length or with a character codes never have is not one", () => {
    expect(parseInvitationCode("ABCD-EFGH")).toEqual({ ok: false, problem: "length" });
    expect(parseInvitationCode("ABCD-EFGH-JK")).toEqual({ ok: false, problem: "length" });
    expect(parseInvitationCode("ABCD-EFG0-J")).toEqual({ ok: false, problem: "character" });
    expect(parseInvitationCode("")).toEqual({ ok: false, problem: "length" });
  });

  it("groups a code as ABCD-EFGH-J", () => {
    expect(formatInvitationCode("ABCDEFGHJ")).toBe("ABCD-EFGH-J");
  });
});
