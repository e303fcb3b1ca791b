/**
 * Whether this host should run the tablet's service worker. One build runs in three
 * hosts: Electron (treu:// pages, the bridge at `window.treu`) loads its code from disk
 * and updates through electron-updater, so it gets no worker; a browser needs a secure
 * context (https, or http on localhost) and service worker support.
 */
import { hasBridge } from '../app/desktop-bridge';

export interface Host {
  readonly protocol: string;
  readonly secure: boolean;
  readonly hasServiceWorker: boolean;
  readonly hasBridge: boolean;
}

export function shouldRegisterServiceWorker(host: Host): boolean {
  return (
    (host.protocol === 'http:' || host.protocol === 'https:') &&
    host.secure &&
    host.hasServiceWorker &&
    !host.hasBridge
  );
}

export function currentHost(): Host {
  return {
    protocol: window.location.protocol,
    secure: window.isSecureContext,
    hasServiceWorker: 'serviceWorker' in navigator,
    hasBridge: hasBridge(),
  };
}
