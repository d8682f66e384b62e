import type { PageSetup } from '../../../shared/model/report.js';

/** Paper sizes in millimetres (portrait). */
const PAPER_MM: Record<PageSetup['size'], [number, number]> = { A4: [210, 297], Letter: [215.9, 279.4], Legal: [215.9, 355.6] };
export const MARGIN_MM = { top: 20, bottom: 20, side: 15 };
const PX_PER_MM = 96 / 25.4;

/** The printable area in CSS pixels, for sizing charts to the page. */
export function contentBox(page: PageSetup): { width: number; height: number } {
  const [w, h] = PAPER_MM[page.size];
  const [pw, ph] = page.orientation === 'landscape' ? [h, w] : [w, h];
  return { width: Math.floor((pw - 2 * MARGIN_MM.side) * PX_PER_MM), height: Math.floor((ph - MARGIN_MM.top - MARGIN_MM.bottom) * PX_PER_MM) };
}

/** A chart's size in a grid of `columns` on this page. */
export function chartSize(page: PageSetup, columns: number): { width: number; height: number } {
  const box = contentBox(page);
  const gap = 16;
  const width = Math.floor((box.width - gap * (columns - 1)) / columns);
  const height = Math.round(Math.min(Math.max(width * (columns === 1 ? 0.45 : 0.62), 200), box.height * 0.42));
  return { width, height };
}
