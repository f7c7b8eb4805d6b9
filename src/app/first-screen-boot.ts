/**
 * The one script of a survey's page whose first screen is in the HTML (build/first-screen.tsx): it
 * runs the app only once that screen has been painted. The app's own script tag, run at once,
 * compiled and ran the whole app on a slow phone's one core before the first paint, and its
 * modulepreload links compiled it too (bench/RESULTS.md, first question); on slow mobile data, its
 * files also took the stylesheet's bandwidth. The build moves the app's files into #app's
 * data-app-modules (FIRST_SCREEN_MODULES in respondent/first-screen-markup.ts): the entry, then the
 * files it imports. Imports nothing, so that it is one small file of its own.
 */
const modules = document.getElementById("app")?.dataset.appModules?.split(" ").filter(Boolean) ?? [];
const [entry, ...imported] = modules;

function runApp(src: string): void {
  for (const href of imported) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.crossOrigin = "";
    link.href = href;
    document.head.append(link);
  }
  const script = document.createElement("script");
  script.type = "module";
  script.crossOrigin = "";
  script.src = src;
  document.head.append(script);
}

// The frame that paints the first screen, then the task after it.
if (entry) requestAnimationFrame(() => setTimeout(() => runApp(entry), 0));

export {};
