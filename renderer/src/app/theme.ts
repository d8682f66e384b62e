/** Light and dark themes: the setting may be 'system', which follows the OS and updates live. */
export type ThemeSetting = 'light' | 'dark' | 'system';
export type ResolvedTheme = 'light' | 'dark';

const CACHE_KEY = 'udash.theme';

export function resolveTheme(setting: ThemeSetting, prefersDark: boolean): ResolvedTheme {
  if (setting === 'system') return prefersDark ? 'dark' : 'light';
  return setting;
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Applies a theme to <html>; returns the resolved theme. The setting is cached so the next start paints in it at once. */
export function applyTheme(setting: ThemeSetting): ResolvedTheme {
  const resolved = resolveTheme(setting, prefersDark());
  document.documentElement.dataset.theme = resolved;
  document.documentElement.style.colorScheme = resolved;
  try {
    localStorage.setItem(CACHE_KEY, setting);
  } catch {
    // Storage can be unavailable (file:// in some shells); the theme then comes from settings a moment later.
  }
  return resolved;
}

export function cachedThemeSetting(): ThemeSetting {
  try {
    const v = localStorage.getItem(CACHE_KEY);
    if (v === 'light' || v === 'dark' || v === 'system') return v;
  } catch {
    // See applyTheme.
  }
  return 'system';
}

/** Calls back when the OS switches between light and dark. */
export function watchSystemTheme(fn: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const mq = matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', fn);
  return () => mq.removeEventListener('change', fn);
}
