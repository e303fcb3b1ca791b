/**
 * The renderer build is served to the window from a privileged custom scheme, not from
 * `file://` (Electron's security checklist): one fixed origin, `treu://app`, so IndexedDB
 * stays with the terminal from run to run and every check can compare origins.
 */
export const APP_SCHEME = 'treu';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Whether an address belongs to the terminal's own pages. */
export function isAppUrl(address: string): boolean {
  try {
    const url = new URL(address);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    // Not an address at all: certainly not ours.
    return false;
  }
}
