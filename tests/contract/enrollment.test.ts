import { describe, expect, it } from "vitest";
import { type Enrollment, enrollmentFragment, parseEnrollmentFragment } from "../../src/contract/enrollment";

const enrollment: Enrollment = {
  endpoint: "https://collector.example.jp/api/v1",
  token: "Zk3_9aQ-abcdefghijklmnopqrstuvwxyz0123456789A",
  deviceId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
  eventId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c",
  surveyId: "ward-resident",
  eventName: "防災訓練 & 夏まつり #1",
};

describe("enrollment links", () => {
  it("round-trip through the fragment, text with & and # included", () => {
    const fragment = enrollmentFragment(enrollment);
    expect(fragment).not.toContain("#");
    expect(parseEnrollmentFragment(`#${fragment}`)).toEqual({ ok: true, enrollment });
    expect(parseEnrollmentFragment(fragment)).toEqual({ ok: true, enrollment });
  });

  it("say which field is missing or wrong", () => {
    const params = new URLSearchParams(enrollmentFragment(enrollment));
    params.delete("t");
    const missing = parseEnrollmentFragment(params.toString());
    expect(missing).toMatchObject({ ok: false });
    expect(!missing.ok && missing.error).toMatch(/^token: /);
    params.set("t", "short");
    params.set("e", "javascript:alert(1)");
    const wrong = parseEnrollmentFragment(params.toString());
    expect(!wrong.ok && wrong.error).toMatch(/endpoint: .*; token: /);
  });

  it("refuse a fragment that is not a version 1 link", () => {
    expect(parseEnrollmentFragment("")).toEqual({
      ok: false,
      error: "v: not an enrollment link of version 1",
    });
    const v2 = enrollmentFragment(enrollment).replace("v=1", "v=2");
    expect(parseEnrollmentFragment(v2).ok).toBe(false);
  });
});
