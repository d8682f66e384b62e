/** Chart colours per theme, matched to the CSS design tokens (ECharts needs them as values, not CSS vars). */
import type { ResolvedTheme } from '../../../app/theme.js';

export interface ChartPalette {
  series: string[];
  text: string;
  textMuted: string;
  axis: string;
  grid: string;
  tooltipBg: string;
  tooltipBorder: string;
  background: string;
  positive: string;
  negative: string;
  heat: [string, string, string];
}

const SERIES_LIGHT = ['#4f5bd5', '#17a398', '#f0a030', '#e0587a', '#3b9ae1', '#8b5cf6', '#7cb342', '#ef6c45', '#5c6b8a', '#c2a21b'];
const SERIES_DARK = ['#8b95ff', '#3cc9bb', '#f5b54d', '#ff7d9c', '#62b4f5', '#a98bff', '#9ccc65', '#ff8a65', '#9aa7c4', '#e0c64a'];

export function chartPalette(theme: ResolvedTheme): ChartPalette {
  return theme === 'dark'
    ? {
        series: SERIES_DARK,
        text: '#e6e9ef',
        textMuted: '#98a2b3',
        axis: '#3a4150',
        grid: '#262c37',
        tooltipBg: '#1e232c',
        tooltipBorder: '#333a47',
        background: 'transparent',
        positive: '#3ccf91',
        negative: '#ff6b6b',
        heat: ['#1d2440', '#5662d9', '#b9c0ff'],
      }
    : {
        series: SERIES_LIGHT,
        text: '#1b2330',
        textMuted: '#667085',
        axis: '#d0d5dd',
        grid: '#eef0f4',
        tooltipBg: '#ffffff',
        tooltipBorder: '#e3e6eb',
        background: 'transparent',
        positive: '#12a26a',
        negative: '#d64545',
        heat: ['#eef0fd', '#8c95ea', '#2f3aa8'],
      };
}
