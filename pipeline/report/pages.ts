/**
 * The report's pages: the front page (the first notebook and the contents with every figure's
 * number and caption), one page per further notebook, the data provenance, and `utskrift.html`
 * with everything on one page for print and PDF. Each page carries the same navigation.
 */
import { escapeHtml } from './escape.ts';
import { page } from './page.ts';

export const PROVENANCE_TITLE = 'Datagrunnlag for denne kjøringen';
export const PRINT_PAGE = 'utskrift.html';
const REPORT_TITLE = 'Mulighetsrommet i Nav-partnerskapet';
const INTRO = 'Surveyresultater for KS, kapittel 7. Bygget av analyse-pipelinen fra rådata; hver figur viser n, tester og tallene bak.';

export interface Section {
  id: string;
  title: string;
  figures: string[];
  html: string;
}

interface Input {
  sections: Section[];
  provenance: string;
  banner: string | null;
  /** «Figur 1. Caption» by figure id. */
  captions: Map<string, string>;
  /** Figures drawn in this run (the others say «ingen data»). */
  shown: Set<string>;
}

interface Entry {
  file: string;
  title: string;
  figures: string[];
}

function navigation(entries: Entry[], current: string): string {
  const items = entries.map((e) => `<li><a href="${escapeHtml(e.file)}"${e.file === current ? ' aria-current="page"' : ''}>${escapeHtml(e.title)}</a></li>`);
  return `<nav class="site" aria-label="Rapportens sider"><a class="home" href="index.html">${REPORT_TITLE}</a><ol>${items.join('')}</ol><a class="print-link" href="${PRINT_PAGE}">Hele rapporten på én side (utskrift og PDF)</a></nav>`;
}

function prevNext(entries: Entry[], current: string): string {
  const i = entries.findIndex((e) => e.file === current);
  const prev = entries[i - 1];
  const next = entries[i + 1];
  const link = (e: Entry | undefined, rel: string, text: string) => (e ? `<a rel="${rel}" href="${escapeHtml(e.file)}">${text}: ${escapeHtml(e.title)}</a>` : '<span></span>');
  return `<nav class="prev-next" aria-label="Forrige og neste side">${link(prev, 'prev', '← Forrige')}${link(next, 'next', 'Neste →')}</nav>`;
}

/** The contents: every page with the numbers and captions of its figures, linked. */
function contents(entries: Entry[], input: Input, href: (e: Entry) => string): string {
  const figureList = (e: Entry) =>
    e.figures.length === 0
      ? ''
      : `<ul class="figure-list">${e.figures.map((id) => `<li><a href="${escapeHtml(href(e))}#${escapeHtml(id)}">${escapeHtml(input.captions.get(id) ?? id)}</a>${input.shown.has(id) ? '' : ' <span class="meta">(ingen data i denne kjøringen)</span>'}</li>`).join('')}</ul>`;
  return `<nav class="toc" aria-labelledby="innhold-h"><h2 id="innhold-h">Innhold</h2><ol>${entries.map((e) => `<li><a href="${escapeHtml(href(e))}">${escapeHtml(e.title)}</a>${figureList(e)}</li>`).join('')}</ol></nav>`;
}

/** Writes every page through `write` and returns their file names. */
export function writePages(input: Input, write: (file: string, html: string) => void): string[] {
  const [front, ...rest] = input.sections;
  const entries: Entry[] = [
    { file: 'index.html', title: front?.title ?? 'Forside', figures: front?.figures ?? [] },
    ...rest.map((s) => ({ file: `${s.id}.html`, title: s.title, figures: s.figures })),
    { file: 'datagrunnlag.html', title: PROVENANCE_TITLE, figures: [] },
  ];
  const bodies = [front?.html ?? '', ...rest.map((s) => s.html), input.provenance];
  const header = `<h1 class="report-title">${REPORT_TITLE}</h1>`;
  entries.forEach((e, i) => {
    const body =
      i === 0
        ? `<h1>${REPORT_TITLE}</h1>\n<p class="meta">${INTRO}</p>\n${bodies[0]}\n${contents(entries.slice(1), input, (x) => x.file)}`
        : `${header}\n${bodies[i]}\n${prevNext(entries, e.file)}`;
    write(e.file, page({ title: i === 0 ? `${REPORT_TITLE} – surveyresultater` : `${e.title} – ${REPORT_TITLE}`, banner: input.banner, nav: navigation(entries, e.file), body }));
  });
  const anchor = (e: Entry, i: number) => (i === 0 ? '' : e.file === 'datagrunnlag.html' ? 'datagrunnlag' : rest[i - 1]!.id);
  const printContents = contents(entries.slice(1), input, (x) => `#${anchor(x, entries.indexOf(x))}`).replace(/href="#([^"#]*)#/g, 'href="#');
  write(PRINT_PAGE, page({
    title: `${REPORT_TITLE} – hele rapporten`,
    banner: input.banner,
    nav: navigation(entries, PRINT_PAGE),
    body: `<h1>${REPORT_TITLE}</h1>\n<p class="meta">${INTRO}</p>\n${printContents}\n${bodies.join('\n')}`,
    printAll: true,
  }));
  return [...entries.map((e) => e.file), PRINT_PAGE];
}
