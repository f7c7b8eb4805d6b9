import { renderSVG } from "uqr";
import type { InvitationBatch } from "../../contract/invitation-batches";
import type { SurveyDefinition } from "../../domain/definition";
import { formatInvitationCode } from "../../domain/invitation-code";
import { localize } from "../../domain/locales";

/** The personal URL of a letter: the code in the query, which the request log never writes. */
export const personalUrl = (origin: string, surveyId: string, code: string) =>
  `${origin}/s/${encodeURIComponent(surveyId)}?code=${formatInvitationCode(code)}`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The print styles, served beside the page: the collector's CSP allows no inline style. */
export const LETTER_CSS = `@page { size: A4; margin: 20mm; }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 0; color: #000; }
.letter { page-break-after: always; break-after: page; min-height: 250mm; box-sizing: border-box; padding: 10mm 0; }
.letter:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 18pt; margin: 0 0 8mm; }
p { font-size: 11pt; line-height: 1.8; margin: 0 0 4mm; }
.code { font-family: ui-monospace, "Courier New", monospace; font-size: 22pt; letter-spacing: 0.1em; font-weight: bold; }
.qr { width: 40mm; height: 40mm; }
.qr svg { width: 100%; height: 100%; }
.url { font-family: ui-monospace, monospace; font-size: 10pt; word-break: break-all; }
.access { display: flex; gap: 8mm; align-items: center; border: 1px solid #000; padding: 6mm; margin: 6mm 0; }
@media screen { body { background: #ddd; } .letter { background: #fff; width: 210mm; margin: 5mm auto; padding: 20mm; } }
`;

/**
 * One A4 letter a code, ready to print: the ward's text in Japanese, the code grouped for typing,
 * the personal URL and its QR code. Server-rendered and without script, so it prints as it is.
 */
export function lettersPage(
  def: SurveyDefinition,
  batch: InvitationBatch,
  codes: readonly string[],
  origin: string,
  cssHref: string,
): string {
  const title = escapeHtml(localize(def.title, "ja"));
  const letters = codes.map((code) => {
    const url = personalUrl(origin, def.id, code);
    return `<section class="letter">
<h1>${title}へのご協力のお願い</h1>
<p>区民の皆さまのご意見を区政に生かすため、区民アンケートを実施しています。このお手紙は、住民基本台帳から無作為に選ばせていただいた方にお送りしています。</p>
<p>スマートフォンやパソコンから回答される方は、下のQRコードを読み取るか、URLを開いてください。回答の画面で「お手紙の番号」を入力していただく場合もあります。紙の調査票でもご回答いただけます。</p>
<div class="access"><div class="qr">${renderSVG(url, { ecc: "M", border: 4 })}</div>
<div><p>お手紙の番号</p><p class="code">${formatInvitationCode(code)}</p><p class="url">${escapeHtml(url)}</p></div></div>
<p>回答は統計的に処理し、この番号とご回答が結びつけられることはありません。番号は、お一人1回の回答を確かめるためだけに使います。</p>
</section>`;
  });
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${title}（${batch.wave}年度${batch.stratum ? ` ${escapeHtml(batch.stratum)}` : ""}）</title>
<link rel="stylesheet" href="${escapeHtml(cssHref)}"></head>
<body>
${letters.join("\n")}
</body></html>`;
}
