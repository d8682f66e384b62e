import { useState } from 'react';
import { Button } from '../../../ui/Button.js';
import { Field } from '../../../ui/Field.js';
import type { ReportForm } from '../model/draft.js';

type Branding = ReportForm['branding'];

/** The model accepts logos up to ~256 KB as a data: URL (PNG, JPEG or SVG). */
const MAX_LOGO_BYTES = 256 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('Could not read the file'));
    r.readAsDataURL(file);
  });
}

/** Company name, logo and the two brand colours used by the PDF, slides and email. */
export function BrandingFields({ value, onChange, errors }: { value: Branding; onChange: (b: Branding) => void; errors: Record<string, string> }) {
  const [logoError, setLogoError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    setLogoError(null);
    if (!file) return;
    if (!['image/png', 'image/jpeg', 'image/svg+xml'].includes(file.type)) return setLogoError('Choose a PNG, JPEG or SVG image.');
    if (file.size > MAX_LOGO_BYTES) return setLogoError(`The logo is ${Math.round(file.size / 1024)} KB; at most 256 KB.`);
    onChange({ ...value, logo: await readAsDataUrl(file) });
  };
  return (
    <fieldset className="stack" data-field="branding">
      <legend className="field-label">Branding</legend>
      <div className="row gap wrap align-end">
        <Field label="Company name" error={errors['branding.companyName']}>
          {(a) => <input {...a} className="input" value={value.companyName} maxLength={120} onChange={(e) => onChange({ ...value, companyName: e.target.value })} />}
        </Field>
        <Field label="Brand colour" error={errors['branding.primaryColor']}>
          {(a) => <input {...a} className="input input-colour" type="color" value={value.primaryColor} onChange={(e) => onChange({ ...value, primaryColor: e.target.value })} />}
        </Field>
        <Field label="Accent colour" error={errors['branding.accentColor']}>
          {(a) => <input {...a} className="input input-colour" type="color" value={value.accentColor} onChange={(e) => onChange({ ...value, accentColor: e.target.value })} />}
        </Field>
        <Field label="Logo" error={logoError ?? errors['branding.logo']}>
          {(a) => <input {...a} className="input file-picker" type="file" accept="image/png,image/jpeg,image/svg+xml" onChange={(e) => void pick(e.target.files?.[0])} />}
        </Field>
        {value.logo ? (
          <div className="logo-preview">
            <img src={value.logo} alt="Logo" />
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                const { logo: _gone, ...rest } = value;
                onChange(rest);
              }}
            >
              Remove logo
            </Button>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
