/** The HTML shell: inline styles only (no network, no scripts), the simulated-data banner, the navigation, a print stylesheet. */
import { escapeHtml } from './escape.ts';

const CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #ccc; --accent: #0072B2; --warn-bg: #fff3cd; --warn: #7a4b00; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); margin: 0; line-height: 1.5; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
.banner { background: var(--warn-bg); color: var(--warn); border-bottom: 2px solid #e0b94f; padding: .6rem 1.5rem; font-weight: 600; text-align: center; }
h1 { font-size: 1.8rem; margin: 1.2rem 0 .4rem; } h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
nav.toc { background: #f5f7fa; padding: .6rem 1rem; border-radius: 4px; } nav.toc ol { margin: .2rem 0; }
figure.figure { margin: 2rem 0; padding: 1rem; border: 1px solid var(--rule); border-radius: 4px; break-inside: avoid; }
figcaption { margin-bottom: .6rem; } .chart svg { max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
@media (max-width: 36rem) { .chart { overflow-x: auto; } .chart svg { min-width: 34rem; } }
p.n { font-size: .9rem; color: var(--muted); margin: .4rem 0; } .tests { font-size: .9rem; } .tests ul { margin: .2rem 0; padding-left: 1.2rem; }
.status { font-weight: 600; white-space: nowrap; }
.status-holds { color: #0b5d1e; } .status-does_not_hold { color: #a00000; } .status-not_supported_at_threshold { color: #7a4b00; }
.status-not_checkable, .status-side_by_side { color: #444; }
table.claims { width: 100%; table-layout: fixed; } table.data.claims td, table.data.claims th { vertical-align: top; font-size: .85rem; text-align: left; white-space: normal; overflow-wrap: anywhere; }
table.data.claims th:nth-child(1) { width: 4.5rem; } table.data.claims th[scope=row] { white-space: nowrap; overflow-wrap: normal; } table.claims th:nth-child(2) { width: 4.5rem; } table.claims th:nth-child(3) { width: 45%; } table.claims code { white-space: normal; font-size: .8rem; }
.table-scroll { overflow-x: auto; }
.badge { display: inline-block; border: 1px dashed #7a4b00; color: var(--warn); padding: 0 .4rem; border-radius: 3px; font-size: .85rem; }
p.marked { font-size: .9rem; }
table.data { border-collapse: collapse; font-size: .9rem; margin: .5rem 0; } table.data th, table.data td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; text-align: right; }
table.data td { white-space: nowrap; }
table.data th[scope=row], table.data thead th:first-child { text-align: left; } table.data thead th { border-bottom: 2px solid var(--ink); }
details summary { cursor: pointer; color: var(--accent); } a { color: var(--accent); }
.meta { font-size: .85rem; color: var(--muted); }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .15rem 1.1rem; padding: 0; margin: .2rem 0 .5rem; font-size: .85rem; }
ul.legend li { display: inline-flex; align-items: center; gap: .4rem; }
ul.sig-key { list-style: none; padding: 0; margin: .3rem 0 .4rem; font-size: .85rem; } ul.sig-key li { margin: .05rem 0; }
.swatch { display: inline-block; width: 14px; height: 14px; flex: none; }
div.pending { border: 2px dashed var(--warn); background: repeating-linear-gradient(135deg, #fff8e6 0 8px, var(--warn-bg) 8px 16px); color: #5a3700; padding: .4rem .8rem; margin: .6rem 0; border-radius: 4px; }
div.pending p { margin: .1rem 0; }
p.note { font-size: .9rem; border-left: 3px solid #D55E00; padding-left: .6rem; margin: .4rem 0; }
tr.section th { text-align: left; background: #f2f4f7; font-weight: 600; padding-top: .45rem; }
tr.pending th, tr.pending td { background: var(--warn-bg); color: #5a3700; font-style: italic; text-align: left; }
table.data caption { text-align: left; font-size: .85rem; color: var(--muted); caption-side: top; padding-bottom: .2rem; }
.table-figure, details { overflow-x: auto; }
p.test-item { font-weight: 600; margin: .6rem 0 .1rem; }
.tests li { margin: .15rem 0; } .test-note, .tests .label { color: var(--muted); } .read-fisher { color: var(--warn); }
nav.site { background: #f5f7fa; border-bottom: 1px solid var(--rule); padding: .4rem 1.5rem; font-size: .9rem; }
nav.site ol { display: flex; flex-wrap: wrap; gap: .1rem 1rem; list-style: none; margin: .2rem 0; padding: 0; }
nav.site a.home { font-weight: 600; } nav.site a[aria-current=page] { font-weight: 700; color: var(--ink); text-decoration: none; }
nav.prev-next { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .6rem; }
h1.report-title { font-size: 1rem; color: var(--muted); font-weight: 600; margin: .8rem 0 0; }
ul.figure-list { font-size: .9rem; padding-left: 1.2rem; margin: .2rem 0 .6rem; } ul.figure-list li { margin: .1rem 0; }
a:focus-visible, summary:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; } main { max-width: none; padding: 0; }
  nav.site, nav.prev-next, a.print-link, p.download { display: none; }
  .banner { border: 2px solid #7a4b00; }
  a { color: var(--ink); text-decoration: none; }
  figure.figure { break-inside: auto; border: none; padding: 0; } .chart, .chart svg { break-inside: avoid; }
  figcaption, p.n { break-after: avoid; } h2, h3 { break-after: avoid; }
  .chart svg { max-width: 100%; height: auto; min-width: 0; }
  details.numbers > summary { display: none; } details.numbers::details-content { content-visibility: visible; display: contents; }
  .table-scroll, .table-figure, details { overflow: visible; }
  table.data { font-size: 8pt; width: 100%; } table.data th, table.data td { white-space: normal; padding: .15rem .3rem; }
  .print-all section { break-before: page; }
}
`;

export function page(options: { title: string; banner: string | null; nav: string; body: string; printAll?: boolean }): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${CSS}</style>
</head>
<body${options.printAll ? ' class="print-all"' : ''}>
${options.banner ? `<div class="banner" role="note">${escapeHtml(options.banner)}</div>` : ''}
${options.nav}
<main>
${options.body}
</main>
</body>
</html>
`;
}
