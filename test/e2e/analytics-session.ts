/**
 * What the Analytics e2e files share: one loopback host (with the sample workspace, or empty), real
 * Chromium and one page on it, started before a file's tests and stopped after; and a helper that
 * fills an analysis panel's labelled settings the way a user does.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { tempDir } from '../helpers/browser.js';
import { launchChromium, openPage, snapshotRenderer, startApp, type App } from './harness.js';

export interface Session {
  browser: Browser;
  app: App;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors in the page. */
  errors: string[];
  /** A temp folder for the file's own inputs, removed with the session. */
  files: string;
  rendererDir: string;
}

/** `prepare` runs on the services (import data, look up ids) before the page opens. */
export async function startSession(opts: { sample: boolean; prepare?: (app: App, files: string) => Promise<void> }): Promise<Session> {
  const rendererDir = await snapshotRenderer();
  const files = tempDir('udash-e2e-analytics-');
  const [browser, app] = await Promise.all([launchChromium(), startApp({ rendererDir, sample: opts.sample })]);
  await opts.prepare?.(app, files);
  const { context, page, errors } = await openPage(browser, app.host.url);
  return { browser, app, context, page, errors, files, rendererDir };
}

export async function stopSession(s: Session | undefined): Promise<void> {
  if (!s) return;
  await s.context.close();
  await s.browser.close();
  await s.app.close();
  for (const d of [s.rendererDir, s.files]) fs.rmSync(d, { recursive: true, force: true });
}

/** Sets labelled fields in order: a select picks the value, a checkbox is checked (true) or cleared (false), any other field is typed into. */
export async function setFields(scope: Locator, fields: [label: string, value: string | boolean][]): Promise<void> {
  for (const [label, value] of fields) {
    const field = scope.getByLabel(label, { exact: true });
    if (typeof value === 'boolean') await field.setChecked(value);
    else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}
