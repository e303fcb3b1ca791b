/**
 * The terminal's window never leaves its own pages: navigations and redirects elsewhere
 * are stopped, new windows are refused, and webviews cannot be attached. Treu has no
 * link that should open a browser, so nothing is handed to `shell.openExternal` (lint
 * forbids calling it in electron/).
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** The part of WebContents this needs: what the tests fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardNavigation(
  contents: GuardedContents,
  onRefused: (what: string, url: string) => void = () => undefined,
): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    onRefused('navigation', url);
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    onRefused('redirect', url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onRefused('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    onRefused('new window', url);
    return { action: 'deny' };
  });
}
