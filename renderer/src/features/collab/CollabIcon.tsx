/**
 * The two icons collaboration needs that the shared set (ui/Icon.tsx) lacks, drawn the same way
 * (24×24 stroke paths in currentColor), kept here so the shared file stays untouched by this feature.
 */
const PATHS = {
  comment: 'M4 5h16v11H9l-5 4z',
  history: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 2',
} as const;

export type CollabIconName = keyof typeof PATHS;

export function CollabIcon({ name, size = 16 }: { name: CollabIconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
