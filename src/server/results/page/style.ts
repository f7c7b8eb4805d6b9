import { createHash } from "node:crypto";

/**
 * The results page's whole stylesheet, inline so the page is one request on a weak phone
 * connection. The Content-Security-Policy admits it by its hash (security-headers.ts), so no other
 * inline style can run: the policy stays as strict as the app's.
 */
export const RESULTS_STYLE = [
  "*{box-sizing:border-box}",
  "body{margin:0;font:16px/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fff}",
  "main,header,footer{max-width:40rem;margin:0 auto;padding:0 1rem}",
  "h1{font-size:1.4rem;line-height:1.3;margin:1rem 0 .25rem}",
  "h2{font-size:1.15rem;line-height:1.35;margin:0 0 .5rem}",
  "h3{font-size:1rem;margin:1rem 0 .25rem}",
  "section{border-top:2px solid #0b5394;padding:1rem 0}",
  ".big{font-size:2.2rem;font-weight:700;line-height:1.1;margin:0}",
  ".sub{color:#444;margin:0}",
  ".v{display:inline-block;padding:0 .5rem;border-radius:.25rem;font-weight:700;border:2px solid}",
  ".met{color:#0a5c2b}.not_met{color:#8a1c1c}",
  "svg{display:block;width:100%;height:auto;margin:.5rem 0}",
  ".bar{fill:#0b5394}.ci{stroke:#1a1a1a;stroke-width:2}.tg{stroke:#b35900;stroke-width:3}.bg{fill:#e6edf5}",
  "svg text{font-size:12px;fill:#1a1a1a}",
  "table{border-collapse:collapse;width:100%;font-size:.9rem}",
  "th,td{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #ccc}",
  "td.r,th.r{text-align:right}",
  ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
  ".ward{background:#f3f6fa;padding:.5rem .75rem;border-left:4px solid #0b5394;white-space:pre-line}",
  ".note{font-size:.85rem;color:#444}",
  "nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}",
  "a{color:#0b5394;min-height:44px;display:inline-flex;align-items:center}",
  "a[aria-current]{font-weight:700;color:#1a1a1a}",
  "fieldset{border:1px solid #ccc;margin:.5rem 0;padding:.5rem}",
  "label{display:flex;align-items:center;gap:.5rem;min-height:44px}",
  "textarea{width:100%;font:inherit}",
  "button{font:inherit;min-height:44px;padding:0 1.25rem;background:#0b5394;color:#fff;border:0;border-radius:.25rem}",
].join("");

/** The CSP source that admits exactly RESULTS_STYLE. */
export const RESULTS_STYLE_HASH = `'sha256-${createHash("sha256").update(RESULTS_STYLE).digest("base64")}'`;
