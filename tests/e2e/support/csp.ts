import type { BrowserContext } from "playwright-core";

export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  source: string;
}

/**
 * Records every Content-Security-Policy violation in every page of the context: an init script (which
 * the policy does not govern) forwards each `securitypolicyviolation` event through a binding, so
 * nothing is lost when the page navigates; Chromium's console reports of the same are kept too.
 */
export async function watchCsp(
  context: BrowserContext,
): Promise<{ violations: CspViolation[]; console: string[] }> {
  const violations: CspViolation[] = [];
  const consoleReports: string[] = [];
  await context.exposeBinding("__tsunaguCspViolation", (_source, v: CspViolation) => {
    violations.push(v);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __tsunaguCspViolation: (v: unknown) => void })
        .__tsunaguCspViolation;
      report({
        page: location.pathname,
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  const watchConsole = (page: import("playwright-core").Page) =>
    page.on("console", (m) => {
      if (/Content.Security.Policy/i.test(m.text())) consoleReports.push(m.text());
    });
  context.on("page", watchConsole);
  for (const p of context.pages()) watchConsole(p);
  return { violations, console: consoleReports };
}
