import { WIDGET_TYPES, type WidgetType } from '../../../../../shared/model/dashboard.js';
import { Icon, type IconName } from '../../../ui/Icon.js';

export const TYPE_LABELS: Record<WidgetType, string> = { line: 'Line', area: 'Area', bar: 'Bar', scatter: 'Scatter', pie: 'Pie', kpi: 'KPI', table: 'Table', heatmap: 'Heatmap' };
const TYPE_ICONS: Record<WidgetType, IconName> = { line: 'line', area: 'area', bar: 'bar', scatter: 'scatter', pie: 'pie', kpi: 'kpi', table: 'table', heatmap: 'heatmap' };

/** The chart types as a radio group (arrow keys move between them, as radios do). */
export function ChartTypePicker({ value, onChange }: { value: WidgetType; onChange: (t: WidgetType) => void }) {
  return (
    <fieldset className="type-picker">
      <legend className="field-label">Visualization</legend>
      {WIDGET_TYPES.map((t) => (
        <label key={t} className={`type-option${value === t ? ' active' : ''}`}>
          <input type="radio" name="widget-type" value={t} checked={value === t} onChange={() => onChange(t)} />
          <Icon name={TYPE_ICONS[t]} size={20} />
          <span>{TYPE_LABELS[t]}</span>
        </label>
      ))}
    </fieldset>
  );
}
