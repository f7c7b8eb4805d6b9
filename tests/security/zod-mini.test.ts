import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackupFile } from "../../src/contract/backup";
import { Enrollment } from "../../src/contract/enrollment";
import { ErrorBody } from "../../src/contract/errors";
import { ResponsesResult } from "../../src/contract/responses";
import { Tallies } from "../../src/contract/tallies";
import { SurveyDefinition } from "../../src/domain/definition";
import { Response } from "../../src/domain/response";

// The schemas are written in zod/mini: full zod ("classic") weighs some 26 KB gzip on a phone's
// cold visit, and its object schemas probe `new Function` to compile parsers, which the app's
// Content-Security-Policy forbids (src/domain/zod-config.ts). Mini's objects never compile.

describe("the schemas never construct a Function", () => {
  const RealFunction = globalThis.Function;
  let constructed = 0;
  beforeEach(() => {
    constructed = 0;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        constructed++;
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        constructed++;
        return Reflect.apply(target, self, args);
      },
    });
  });
  afterEach(() => {
    globalThis.Function = RealFunction;
  });

  it("when parsing good and bad bodies", () => {
    const response = {
      id: "0190a0b0-0000-7000-8000-000000000000",
      surveyId: "ward-resident",
      surveyVersion: 1,
      submittedAt: "2026-07-01T10:00:00+09:00",
      locale: "ja",
      mode: "self",
      answers: { q_area: "north" },
    };
    for (let i = 0; i < 3; i++) {
      expect(Response.safeParse(response).success).toBe(true);
      expect(Response.safeParse({ ...response, mode: "x" }).success).toBe(false);
      expect(SurveyDefinition.safeParse({ id: "x" }).success).toBe(false);
      expect(BackupFile.safeParse({ format: "tsunagu-backup" }).success).toBe(false);
      expect(Enrollment.safeParse({}).success).toBe(false);
      expect(ErrorBody.safeParse({ error: { code: "x", message: "y" } }).success).toBe(true);
      expect(ResponsesResult.safeParse({ results: [{ id: "a", status: "accepted" }] }).success).toBe(true);
      expect(Tallies.safeParse({ surveyId: "s", wave: null, by: null, indicators: [] }).success).toBe(true);
    }
    expect(constructed).toBe(0);
  });
});
