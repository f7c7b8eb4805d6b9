import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { type SurveyAsset, surveyAssets } from "./survey-assets";
import { readSurveySources, SURVEYS_DIR } from "./survey-sources";

const readSurveyAssets = (): SurveyAsset[] => surveyAssets(readSurveySources());

/**
 * Publishes surveys/*.json as /surveys/<id>.json and /surveys/index.json: emitted into the build (so
 * the service worker precaches them and the form works offline) and served by `vite dev`. An invalid
 * definition fails the build, naming the file and the path of each problem.
 */
export function surveysPlugin(): Plugin {
  return {
    name: "tsunagu-surveys",
    buildStart() {
      for (const f of readdirSync(SURVEYS_DIR)) this.addWatchFile(join(SURVEYS_DIR, f));
    },
    generateBundle() {
      for (const asset of readSurveyAssets())
        this.emitFile({ type: "asset", fileName: asset.fileName, source: asset.json });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split("?")[0];
        if (!path?.startsWith("/surveys/")) return next();
        try {
          const asset = readSurveyAssets().find((a) => `/${a.fileName}` === path);
          if (!asset) return next();
          res.setHeader("Content-Type", "application/json; charset=utf-8");
          res.end(asset.json);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
