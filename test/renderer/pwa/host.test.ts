/** Which hosts get the tablet's service worker: browsers on http(s) in a secure context, never Electron. */
import { describe, expect, it } from 'vitest';
import { shouldRegisterServiceWorker, type Host } from '../../../renderer/pwa/host';

const tablet: Host = {
  protocol: 'http:',
  secure: true,
  hasServiceWorker: true,
  hasBridge: false,
};

describe('shouldRegisterServiceWorker', () => {
  it('registers in a browser served over http(s) in a secure context', () => {
    expect(shouldRegisterServiceWorker(tablet)).toBe(true);
    expect(shouldRegisterServiceWorker({ ...tablet, protocol: 'https:' })).toBe(true);
  });

  it('never registers in the Electron shell: its treu:// pages, or wherever the bridge is', () => {
    expect(shouldRegisterServiceWorker({ ...tablet, protocol: 'treu:' })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...tablet, hasBridge: true })).toBe(false);
  });

  it('does not register where the browser cannot: plain http to another machine, no worker support, a file', () => {
    expect(shouldRegisterServiceWorker({ ...tablet, secure: false })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...tablet, hasServiceWorker: false })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...tablet, protocol: 'file:' })).toBe(false);
  });
});
