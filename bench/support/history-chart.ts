import type { SuiteRecord } from './results.js';

const WIDTH = 760;
const HEIGHT = 340;
const PAD = { left: 50, right: 210, top: 20, bottom: 40 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22', '#393b79', '#637939', '#ad494a', '#3182bd', '#31a354', '#756bb1', '#e6550d', '#000000'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The headline ratios of every recorded suite run as an SVG line chart: one line per figure key,
 * runs in date order along x, the ratio on a log scale (ratios run from 0.1x to 20x), a dashed
 * line at 1x. A figure missing from a run leaves a gap in its line.
 */
export function historyChart(records: readonly SuiteRecord[]): string {
  const keys = [...new Set(records.flatMap((r) => r.results.map((x) => x.key)))].sort();
  const ratios = records.flatMap((r) => r.results.map((x) => x.ratio)).filter((x) => x > 0);
  const lo = Math.log10(Math.min(0.1, ...ratios));
  const hi = Math.log10(Math.max(10, ...ratios) * 1.3);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (records.length <= 1 ? plotW / 2 : (i * plotW) / (records.length - 1));
  const y = (ratio: number) => PAD.top + plotH - ((Math.log10(ratio) - lo) / (hi - lo)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${PAD.left}" y="13" font-size="12">Headline ratios per npm run bench (log scale; 1x dashed)</text>`,
  ];
  for (const tick of [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50].filter((t) => Math.log10(t) >= lo && Math.log10(t) <= hi)) {
    parts.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(tick)}" y2="${y(tick)}" stroke="${tick === 1 ? '#444' : '#ddd'}"${tick === 1 ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}x</text>`);
  }
  records.forEach((r, i) => parts.push(`<text x="${x(i)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${escape(r.date.slice(5, 16).replace('T', ' '))}</text>`));
  keys.forEach((key, k) => {
    const colour = COLOURS[k % COLOURS.length]!;
    const points = records.map((r, i) => ({ i, result: r.results.find((x) => x.key === key) }));
    let path = '';
    let pen = false;
    for (const { i, result } of points) {
      if (!result || !(result.ratio > 0)) {
        pen = false;
        continue;
      }
      path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(result.ratio).toFixed(1)} `;
      pen = true;
      parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(result.ratio).toFixed(1)}" r="3" fill="${result.met ? colour : 'white'}" stroke="${colour}"><title>${escape(`${key}: ${result.ratio}x (${result.met ? 'met' : 'not met'}, target ${result.target})`)}</title></circle>`);
    }
    if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="${colour}" stroke-width="1.5"/>`);
    parts.push(`<rect x="${WIDTH - PAD.right + 12}" y="${PAD.top + k * 16}" width="10" height="10" fill="${colour}"/>`);
    parts.push(`<text x="${WIDTH - PAD.right + 27}" y="${PAD.top + k * 16 + 9}">${escape(key)}</text>`);
  });
  parts.push(`<text x="${WIDTH - PAD.right + 12}" y="${HEIGHT - 12}" fill="#555">filled: target met; open: not met</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
