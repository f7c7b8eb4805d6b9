/**
 * 200 XSS payloads: 25 ways to run script (each calls window.__xss(n) if it ever runs), each behind
 * 8 ways to break out of the context it lands in (attribute, title, textarea, comment, CDATA...).
 */
const TEMPLATES = [
  (n: number) => `<script>__xss(${n})</script>`,
  (n: number) => `<img src=x onerror=__xss(${n})>`,
  (n: number) => `<svg onload=__xss(${n})>`,
  (n: number) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
  (n: number) => `<a href="javascript:__xss(${n})">x</a>`,
  (n: number) => `<body onload=__xss(${n})>`,
  (n: number) => `<details open ontoggle=__xss(${n})>`,
  (n: number) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`,
  (n: number) => `<input autofocus onfocus=__xss(${n})>`,
  (n: number) => `javascript:__xss(${n})`,
  (n: number) => `{{constructor.constructor('__xss(${n})')()}}`,
  (n: number) => `<style>*{background:url("javascript:__xss(${n})")}</style>`,
  (n: number) => `<object data="javascript:__xss(${n})"></object>`,
  (n: number) => `<embed src="javascript:__xss(${n})">`,
  (n: number) => `<video><source onerror=__xss(${n})></video>`,
  (n: number) => `<div style="width:expression(__xss(${n}))">`,
  (n: number) => `%3Cscript%3E__xss(${n})%3C/script%3E`,
  (n: number) => `&lt;script&gt;__xss(${n})&lt;/script&gt;`,
  (n: number) => `<scr<script>ipt>__xss(${n})</scr</script>ipt>`,
  (n: number) => `<template><img src=x onerror=__xss(${n})></template>`,
  (n: number) => `<noscript><p title="</noscript><img src=x onerror=__xss(${n})>">`,
  (n: number) => `<base href="javascript:__xss(${n})//">`,
  (n: number) => `<form action="javascript:__xss(${n})"><button>x</button></form>`,
  (n: number) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
  (n: number) => `=HYPERLINK("javascript:__xss(${n})","x")`,
];
const BREAKOUTS = ["", '"', "'>", '"></title>', "</textarea>", "-->", "]]>", "\u2028</option>"];

export const XSS_PAYLOADS: string[] = BREAKOUTS.flatMap((b, i) =>
  TEMPLATES.map((make, j) => `${b}${make(i * TEMPLATES.length + j)}`),
);
