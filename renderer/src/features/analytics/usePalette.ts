import { useMemo } from 'react';
import { useApp } from '../../app/context.js';
import { chartPalette, type ChartPalette } from '../dashboards/charts/palette.js';

export function usePalette(): ChartPalette {
  const theme = useApp((s) => s.theme);
  return useMemo(() => chartPalette(theme), [theme]);
}
