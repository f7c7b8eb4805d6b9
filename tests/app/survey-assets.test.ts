import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SurveyAssetError, surveyAssets } from "../../src/app/build/survey-assets";

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
    expect(index[0]).toMatchObject({ id: "ward-resident", version: 1 });
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
    const v1 = JSON.parse(shipped.text);
    const v2 = { ...v1, version: 2 };
    const assets = surveyAssets([
      { file: "a.json", text: JSON.stringify(v1) },
      { file: "b.json", text: JSON.stringify(v2) },
    ]);
    expect(
      JSON.parse(assets.find((a) => a.fileName === "surveys/ward-resident.json")?.json ?? "{}").version,
    ).toBe(2);
    expect(() => surveyAssets([shipped, { ...shipped, file: "copy.json" }])).toThrow(/also in/);
  });
});
