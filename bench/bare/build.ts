// The baseline page of the first-load and first-question figures, built by Vite the same way as
// the app: Preact alone, showing the very question the app shows first (its Japanese label and
// options, read from the shipped definition), so the two pages differ only by what Tsunagu adds.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import preact from "@preact/preset-vite";
import { build } from "vite";

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

/**
 * A .br and a .gz twin beside each file, at the levels the app's build uses (vite.config.ts,
 * precompress), so that the bare page is served compressed as the app is (bench/first-question.ts).
 */
function precompress(outDir: string) {
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(?:js|css|html)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
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
  precompress(outDir);
}
