/** A colour key as HTML beside the SVG: it wraps with the page, so long labels are never cut. */
import { escapeHtml } from '../../pipeline/report/escape.ts';

export interface LegendItem {
  label: string;
  color: string;
  /** `marked`: a pale, dashed swatch for values that are not microdata. */
  style?: 'solid' | 'marked' | 'dot';
}

function swatch(item: LegendItem): string {
  const style =
    item.style === 'marked'
      ? `background:${item.color}55;border:2px dashed ${item.color}`
      : item.style === 'dot'
        ? `background:${item.color};border-radius:50%`
        : `background:${item.color}`;
  return `<span class="swatch" aria-hidden="true" style="${style}"></span>`;
}

export function legend(items: LegendItem[]): string {
  if (items.length === 0) return '';
  return `<ul class="legend">${items.map((i) => `<li>${swatch(i)}${escapeHtml(i.label)}</li>`).join('')}</ul>`;
}
