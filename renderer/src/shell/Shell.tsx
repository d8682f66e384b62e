import { Suspense, useEffect } from 'react';
import { useApp, useAppStore } from '../app/context.js';
import { isTextEntry, undoIntent } from '../app/keyboard.js';
import { Spinner } from '../ui/States.js';
import { Sidebar } from './Sidebar.js';
import { StatusBar } from './StatusBar.js';
import { Toasts } from './Toasts.js';
import { SECTIONS_UI } from './sections.js';

/** Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z undo and redo workspace edits, except where the user is typing. */
function useUndoShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const intent = undoIntent(e);
      if (!intent || isTextEntry(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void store.getState().undo(intent);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

export function Shell() {
  const section = useApp((s) => s.route.section);
  const workspaceId = useApp((s) => s.workspaceId);
  useUndoShortcuts();
  const Section = SECTIONS_UI[section].component;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1} aria-label={SECTIONS_UI[section].label}>
        {workspaceId || section === 'settings' ? (
          <Suspense
            fallback={
              <div className="center-fill">
                <Spinner />
              </div>
            }
          >
            <Section key={`${workspaceId}-${section}`} />
          </Suspense>
        ) : (
          <NoWorkspace />
        )}
      </main>
      <StatusBar />
      <Toasts />
    </div>
  );
}

function NoWorkspace() {
  return (
    <div className="center-fill">
      <p className="muted">No workspace yet: create one with the workspace switcher in the sidebar.</p>
    </div>
  );
}
