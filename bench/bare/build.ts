// The baseline page of the first-load and first-question figures, built by Vite the same way as
// the app: Preact alone, showing the very question the app shows first (its Japanese label and
// options, read from the shipped definition), so the two pages differ only by what Tsunagu adds.
import { readFileSync } from "node:fs";
import preact from "@preact/preset-vite";
import { build } from "vite";
// The same .br and .gz twins as the app's build writes, so the bare page is served as the app is.
import { precompressDir } from "../../src/build/precompress-plugin";

interface FirstQuestion {
  label: string;
  options: string[];
}

export function firstQuestionOf(definitionFile: string): FirstQuestion {
  const def = JSON.parse(readFileSync(definitionFile, "utf8")) as {
    questions: { label: { ja: string }; options?: { label: { ja: string } }[] }[];
  };
  const first = def.questions[0];
  if (!first?.options) throw new Error(`${definitionFile}: the first question is not a choice question`);
  return { label: first.label.ja, options: first.options.map((o) => o.label.ja) };
}

export async function buildBarePage(outDir: string, definitionFile = "surveys/ward-resident.json") {
  await build({
    root: "bench/bare",
    configFile: false,
    logLevel: "error",
    plugins: [preact()],
    define: { __FIRST_QUESTION__: JSON.stringify(firstQuestionOf(definitionFile)) },
    build: { outDir, emptyOutDir: true, target: "es2022" },
  });
  precompressDir(outDir);
}
