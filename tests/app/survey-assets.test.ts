import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SurveyAssetError, surveyAssets } from "../../src/build/survey-assets";
import { SurveyDefinition } from "../../src/domain/definition";
import { definitionIn, hasTextsIn } from "../../src/domain/definition-in";
import { LOCALES, type Locale, localize } from "../../src/domain/locales";

const shipped = {
  file: "surveys/ward-resident.json",
  text: readFileSync("surveys/ward-resident.json", "utf8"),
};

describe("surveyAssets", () => {
  it("publishes each shipped definition and an index", () => {
    const assets = surveyAssets([shipped]);
    const names = assets.map((a) => a.fileName);
    expect(names).toContain("surveys/ward-resident.json");
    expect(names).toContain("surveys/index.json");
    const index = JSON.parse(assets.find((a) => a.fileName === "surveys/index.json")?.json ?? "[]");
    expect(index[0]).toMatchObject({ id: "ward-resident", version: JSON.parse(shipped.text).version });
  });

  it("fails naming the file and the path of the problem", () => {
    const broken = JSON.parse(shipped.text);
    broken.questions[0].options[0].id = "Bad Id";
    expect(() => surveyAssets([{ file: "surveys/broken.json", text: JSON.stringify(broken) }])).toThrow(
      /surveys\/broken\.json: .*questions\.0\.options\.0\.id/,
    );
    expect(() => surveyAssets([{ file: "surveys/x.json", text: "{" }])).toThrow(SurveyAssetError);
  });

  it("publishes only the newest version of a survey, and refuses the same version twice", () => {
    const older = JSON.parse(shipped.text);
    const newer = { ...older, version: older.version + 1 };
    const assets = surveyAssets([
      { file: "a.json", text: JSON.stringify(older) },
      { file: "b.json", text: JSON.stringify(newer) },
    ]);
    expect(
      JSON.parse(assets.find((a) => a.fileName === "surveys/ward-resident.json")?.json ?? "{}").version,
    ).toBe(newer.version);
    expect(() => surveyAssets([shipped, { ...shipped, file: "copy.json" }])).toThrow(/also in/);
  });
});

describe("a definition in one language (definitionIn)", () => {
  const whole = SurveyDefinition.parse(JSON.parse(shipped.text));
  type Texts = Partial<Record<Locale, string>>;
  /** Every LocalizedText of a definition, by its path, as the schema places them. */
  const textsOf = (def: SurveyDefinition): Map<string, Texts> => {
    const out = new Map<string, Texts>([
      ["title", def.title],
      ["description", def.description],
    ]);
    def.questions.forEach((q, i) => {
      out.set(`questions.${i}.label`, q.label);
      if (q.help) out.set(`questions.${i}.help`, q.help);
      if (q.kind === "number" && q.unit) out.set(`questions.${i}.unit`, q.unit);
      if (q.kind === "single" || q.kind === "multiple")
        q.options.forEach((o, j) => {
          out.set(`questions.${i}.options.${j}.label`, o.label);
        });
    });
    def.indicators.forEach((ind, i) => {
      out.set(`indicators.${i}.label`, ind.label);
    });
    return out;
  };

  it.each(LOCALES)(
    "shows in %s exactly what the whole definition shows, and keeps all else as it is",
    (locale) => {
      const one = definitionIn(whole, locale);
      const wholeTexts = textsOf(whole);
      const oneTexts = textsOf(one);
      expect([...oneTexts.keys()]).toEqual([...wholeTexts.keys()]);
      for (const [path, texts] of wholeTexts) {
        const kept = oneTexts.get(path) ?? {};
        expect(localize(kept, locale), path).toBe(localize(texts, locale));
        expect(kept.ja, path).toBe(texts.ja);
        expect(Object.keys(kept).sort(), path).toEqual([...new Set(["ja", locale])].sort());
      }
      expect(hasTextsIn(one, locale)).toBe(true);
      // Nothing but texts differs: ids, kinds, skip logic and indicators stay as they are.
      expect(one.questions.map((q) => [q.id, q.kind, q.required, q.showIf])).toEqual(
        whole.questions.map((q) => [q.id, q.kind, q.required, q.showIf]),
      );
      expect(one.indicators.map(({ label: _l, ...rest }) => rest)).toEqual(
        whole.indicators.map(({ label: _l, shortLabel: _s, ...rest }) => rest),
      );
      // Short labels are for staff screens, which load the whole definition.
      expect(whole.questions.every((q) => q.shortLabel)).toBe(true);
      expect([...one.questions, ...one.indicators].some((item) => "shortLabel" in item)).toBe(false);
      expect(one.locales).toEqual(whole.locales);
      expect(JSON.stringify(one).length).toBeLessThan(JSON.stringify(whole).length / 2);
    },
  );

  it("fills a missing translation from Japanese, and says which languages a file holds", () => {
    const raw = JSON.parse(shipped.text);
    delete raw.questions[0].label.en;
    // No longer a valid definition (its locales promise English): the build never publishes one, but
    // the projection must not invent an empty text if it ever met one.
    const def = raw as SurveyDefinition;
    expect(definitionIn(def, "en").questions[0]?.label).toEqual({
      en: raw.questions[0].label.ja,
      ja: raw.questions[0].label.ja,
    });
    const ja = definitionIn(def, "ja");
    expect(hasTextsIn(ja, "ja")).toBe(true);
    expect(hasTextsIn(ja, "en")).toBe(false);
    expect(hasTextsIn(def, "vi")).toBe(true);
  });

  // Issue 26, item 4: the contact is printed on the flyer, which loads the whole definition; no
  // respondent screen shows it, so a respondent's first load does not carry it.
  it("leaves the flyer's contact out of each language's file, and keeps the answer period", () => {
    expect(whole.contact?.ja).toBeTruthy();
    const published = surveyAssets([shipped]);
    const file = (name: string) => JSON.parse(published.find((a) => a.fileName === name)?.json ?? "{}");
    expect(file("surveys/ward-resident.json").contact).toEqual(whole.contact);
    for (const locale of LOCALES) {
      const one = file(`surveys/ward-resident.${locale}.json`);
      expect(one, locale).not.toHaveProperty("contact");
      expect([one.opens, one.closes], locale).toEqual([whole.opens, whole.closes]);
    }
  });

  it("is published for every language beside the whole definition", () => {
    const names = surveyAssets([shipped]).map((a) => a.fileName);
    for (const locale of LOCALES) expect(names).toContain(`surveys/ward-resident.${locale}.json`);
  });
});
