import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { firstScreensPlugin } from "./src/build/first-screens-plugin";
import { precompressPlugin } from "./src/build/precompress-plugin";
import { RESPONDENT_CHUNKS } from "./src/build/respondent-chunks";
import { surveysPlugin } from "./src/build/surveys-plugin";

// Wiring only: the plugins and the first-screen prerender are build code in src/build/.
// The page's icon is in index.html as a data: SVG (the former 48 px favicon.png redrawn): the file was
// fetched twice on every cold visit (Chromium asks again once the app changes the page), 1,410 B of
// a respondent's 50 KB (issue 27); the CSP's img-src allows data:.

export default defineConfig({
  plugins: [
    preact(),
    surveysPlugin(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      registerType: "prompt",
      // The app registers /sw.js itself with workbox-window, so that it decides when to offer a reload.
      injectRegister: false,
      manifest: {
        name: "つなぐ 区民アンケート",
        short_name: "つなぐ",
        description: "区民アンケートにオフラインでも回答できるアプリ",
        lang: "ja",
        dir: "ltr",
        // A stable identity: the installed app stays the same app if start_url ever changes.
        id: "/",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#0b5d8f",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      injectManifest: {
        // The app shell: what the form needs to open with no network, beside the survey definitions,
        // which the service worker caches at run time (published versions come without a rebuild).
        globPatterns: ["**/*.{js,css,html,png,webmanifest}"],
        // The survey pages with their first screen drawn in are for a first visit over the network;
        // offline, every page is index.html (sw.ts). Those pages carry the boot script inline, so
        // its file is the build's source for them, fetched by no page.
        globIgnores: ["s/**", "assets/first-screen-boot-*.js"],
      },
    }),
    firstScreensPlugin(),
    precompressPlugin(),
  ],
  build: {
    outDir: "dist",
    target: "es2022",
    // .vite/manifest.json: each chunk named by its source module (tests/e2e/respondent-chunks.e2e.ts).
    manifest: true,
    // No polyfill for <link rel="modulepreload"> in the entry (1,185 B on every cold visit, issue 27):
    // a survey's page loads its modules through first-screen-boot.ts, not those links, and a browser
    // without modulepreload (Safari before 17) still runs the app, its modules fetched on import.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // The survey pages' boot script is bundled on its own (first-screens-plugin.ts).
      input: { index: "index.html" },
      output: { codeSplitting: { groups: RESPONDENT_CHUNKS } },
    },
  },
});
