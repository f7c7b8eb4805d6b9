import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { type SurveyDefinition as Definition, SurveyDefinition } from "../../src/domain/definition";
import { describeProblems, problemsOf } from "../../src/domain/issues";
import type { LocalizedText } from "../../src/domain/locale";
import { LOCALES } from "../../src/domain/locales";
import { validateAnswers } from "../../src/domain/validate";
import { visibleQuestions } from "../../src/domain/visibility";

const root = join(import.meta.dirname, "..", "..", "surveys");

/** Every *.json under surveys/, archive folders included. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith(".json") ? [path] : [];
  });
}

function parse(file: string): Definition {
  const result = SurveyDefinition.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!result.success) throw new Error(`${file}: ${describeProblems(problemsOf(result.error))}`);
  return result.data;
}

/** Every LocalizedText of a definition, with where it is. */
function texts(def: Definition): [string, LocalizedText][] {
  const out: [string, LocalizedText][] = [
    ["title", def.title],
    ["description", def.description],
  ];
  if (def.contact) out.push(["contact", def.contact]);
  for (const q of def.questions) {
    out.push([`${q.id}.label`, q.label]);
    if (q.shortLabel) out.push([`${q.id}.shortLabel`, q.shortLabel]);
    if (q.help) out.push([`${q.id}.help`, q.help]);
    if (q.kind === "number" && q.unit) out.push([`${q.id}.unit`, q.unit]);
    if (q.kind === "single" || q.kind === "multiple")
      for (const o of q.options) out.push([`${q.id}.${o.id}`, o.label]);
  }
  for (const ind of def.indicators) {
    out.push([`indicator ${ind.id}`, ind.label]);
    if (ind.shortLabel) out.push([`indicator ${ind.id}.shortLabel`, ind.shortLabel]);
  }
  return out;
}

const files = jsonFiles(root);

describe("shipped survey definitions", () => {
  it("includes the ward-resident survey", () => {
    expect(files.map((f) => relative(root, f))).toContain("ward-resident.json");
  });

  describe.each(files.map((f) => [relative(root, f), f]))("%s", (_name, file) => {
    const def = parse(file);

    it("declares all six locales", () => {
      expect([...def.locales].sort()).toEqual([...LOCALES].sort());
    });

    it("has a non-empty text in every declared locale for every text", () => {
      const missing: string[] = [];
      for (const [where, text] of texts(def))
        for (const locale of def.locales) if (!text[locale]?.trim()) missing.push(`${where} (${locale})`);
      expect(missing).toEqual([]);
    });

    it("has file-unique question ids and a minimum cell of at least 10", () => {
      const ids = def.questions.map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(def.minCell).toBeGreaterThanOrEqual(10);
    });

    it("accepts an empty answer set except for its required questions", () => {
      const errors = validateAnswers(def, {});
      const required = visibleQuestions(def, {}).filter((q) => q.required);
      expect(errors.map((e) => [e.questionId, e.code])).toEqual(required.map((q) => [q.id, "required"]));
    });
  });
});

describe("ward-resident.json", () => {
  const def = parse(join(root, "ward-resident.json"));
  const question = (id: string) => {
    const q = def.questions.find((x) => x.id === id);
    if (!q) throw new Error(`no question ${id}`);
    return q;
  };
  const optionIds = (id: string) => {
    const q = question(id);
    return q.kind === "single" || q.kind === "multiple" ? q.options.map((o) => o.id) : [];
  };

  it("is id ward-resident, version 2, minCell 10", () => {
    expect([def.id, def.version, def.minCell]).toEqual(["ward-resident", 2, 10]);
  });

  it("is version 1 (archived, unchanged) with short labels, a shorter introduction and no answer period, nothing else", () => {
    const v1 = parse(join(root, "archive", "ward-resident.v1.json"));
    expect([v1.id, v1.version]).toEqual(["ward-resident", 1]);
    const strip = (d: Definition) => ({
      ...d,
      version: 0,
      description: {},
      opens: undefined,
      closes: undefined,
      questions: d.questions.map(({ shortLabel: _, ...q }) => q),
      indicators: d.indicators.map(({ shortLabel: _, ...i }) => i),
    });
    expect(strip(def)).toEqual(strip(v1));
    // Version 1 said July 2026; the shipped survey is open until the ward sets its own period (the
    // template's notes), or a new install would greet its first resident with "closed".
    expect([v1.opens, v1.closes, def.opens, def.closes]).toEqual([
      "2026-07-01",
      "2026-07-31",
      undefined,
      undefined,
    ]);
    expect(v1.questions.some((q) => q.shortLabel) || v1.indicators.some((i) => i.shortLabel)).toBe(false);
  });

  it("names every question and indicator in a few words, in every language, shorter than its label", () => {
    const long: string[] = [];
    for (const item of [...def.questions, ...def.indicators])
      for (const locale of def.locales) {
        const short = item.shortLabel?.[locale] ?? "";
        if (short === "" || short.length > 40 || short.length >= (item.label[locale] ?? "").length)
          long.push(`${item.id} (${locale}): ${short}`);
      }
    expect(long).toEqual([]);
  });

  it("gives the flyer the ward's contact", () => {
    for (const locale of def.locales) expect(def.contact?.[locale], locale).toContain("06-0000-0000");
  });

  it("asks the questions in the planned order", () => {
    expect(def.questions.map((q) => q.id)).toEqual([
      "q_area",
      "q_age",
      "q_housing",
      "q_children",
      "q_years",
      "q_disaster_prep",
      "q_disaster_measures",
      "q_info_reach",
      "q_info_sources",
      "q_know_council",
      "q_local_activity",
      "q_watch_over",
      "q_childcare_consult",
      "q_comment",
    ]);
  });

  it("has 14 areas and わからない", () => {
    const ids = optionIds("q_area");
    expect(ids).toHaveLength(15);
    expect(ids[0]).toBe("area_01");
    expect(ids[13]).toBe("area_14");
    expect(ids[14]).toBe("dont_know");
  });

  it("has the six age groups, housing types and a bounded, whole number of years", () => {
    expect(optionIds("q_age")).toEqual([
      "age_18_29",
      "age_30_39",
      "age_40_49",
      "age_50_59",
      "age_60_69",
      "age_70_plus",
    ]);
    expect(optionIds("q_housing")).toEqual(["apartment", "house", "other"]);
    expect(question("q_years")).toMatchObject({ kind: "number", min: 0, max: 100, integer: true });
  });

  it("asks the disaster question in the policy's words and requires it", () => {
    expect(question("q_disaster_prep")).toMatchObject({
      kind: "single",
      required: true,
      label: { ja: "水や食料などの備蓄、家具の固定など、ご家庭や地域で防災対策をしていますか。" },
    });
    expect(optionIds("q_disaster_prep")).toEqual(["yes", "no", "dont_know"]);
  });

  it("defines the indicators with their policy labels and example targets", () => {
    const byId = Object.fromEntries(def.indicators.map((i) => [i.id, i]));
    expect(Object.keys(byId)).toEqual(["disaster_prep", "info_reach", "watch_over", "childcare_consult"]);
    expect(byId.disaster_prep).toMatchObject({
      label: { ja: "家庭や地域で防災対策を講じている区民アンケート回答者の割合" },
      questionId: "q_disaster_prep",
      positive: ["yes"],
      excludeFromBase: ["dont_know"],
      target: { op: ">=", value: 70 },
    });
    expect(byId.info_reach).toMatchObject({
      label: { ja: "区の様々な取組に関する情報が、区役所から届いていると感じる区民アンケート回答者の割合" },
      questionId: "q_info_reach",
      positive: ["feel", "somewhat"],
      excludeFromBase: ["dont_know"],
      target: { op: ">=", value: 50 },
    });
    expect(byId.watch_over).toMatchObject({ questionId: "q_watch_over", positive: ["feel", "somewhat"] });
    expect(byId.childcare_consult).toMatchObject({ questionId: "q_childcare_consult", positive: ["know"] });
  });

  it("tells residents neither that the targets are examples nor how long it takes, in any locale", () => {
    // Targets are the organizers' business; the intro screen estimates the time from the questions.
    const v1 = parse(join(root, "archive", "ward-resident.v1.json"));
    const dropped: Record<string, RegExp> = {
      ja: /例示|目標値|3分/,
      "ja-x-easy": /れい|もくひょう|3ぷん/,
      en: /example|target|minute/i,
      "zh-Hans": /示例|目标值|分钟/,
      ko: /예시|목표값|3분/,
      vi: /ví dụ|mục tiêu|phút/i,
    };
    for (const locale of def.locales) {
      const pattern = dropped[locale] ?? /^$/;
      expect(v1.description[locale], locale).toMatch(pattern);
      expect(def.description[locale], locale).not.toMatch(pattern);
    }
  });

  it("shows the measures only to those who prepare, and child-rearing only to households with children", () => {
    const shown = (answers: Record<string, string>) => visibleQuestions(def, answers).map((q) => q.id);
    expect(shown({})).not.toContain("q_disaster_measures");
    expect(shown({})).not.toContain("q_childcare_consult");
    expect(shown({ q_disaster_prep: "no" })).not.toContain("q_disaster_measures");
    expect(shown({ q_disaster_prep: "yes" })).toContain("q_disaster_measures");
    expect(shown({ q_children: "no" })).not.toContain("q_childcare_consult");
    expect(shown({ q_children: "yes" })).toContain("q_childcare_consult");
  });

  it("keeps 特にない on its own and limits the free comment", () => {
    expect(question("q_info_sources")).toMatchObject({ kind: "multiple", exclusive: ["none"] });
    expect(question("q_comment")).toMatchObject({
      kind: "text",
      required: false,
      maxLength: 500,
      multiline: true,
    });
    expect(question("q_comment").help?.ja).toContain("個人");
    const errors = validateAnswers(def, {
      q_disaster_prep: "yes",
      q_info_reach: "feel",
      q_watch_over: "somewhat",
      q_info_sources: ["sns", "none"],
      q_comment: "あ".repeat(501),
    });
    expect(errors.map((e) => [e.questionId, e.code])).toEqual([
      ["q_info_sources", "exclusive_option"],
      ["q_comment", "too_long"],
    ]);
  });

  it("accepts a complete, plausible response", () => {
    expect(
      validateAnswers(def, {
        q_area: "area_07",
        q_age: "age_30_39",
        q_housing: "apartment",
        q_children: "yes",
        q_years: 3,
        q_disaster_prep: "yes",
        q_disaster_measures: ["stockpile", "furniture"],
        q_info_reach: "not_really",
        q_info_sources: ["sns", "video"],
        q_know_council: "heard_name",
        q_local_activity: "rarely",
        q_watch_over: "somewhat",
        q_childcare_consult: "know",
        q_comment: "子育て情報をLINEで受け取りたいです。",
      }),
    ).toEqual([]);
  });

  it("stays short enough for about three minutes", () => {
    expect(def.questions.length).toBeLessThanOrEqual(15);
  });
});
