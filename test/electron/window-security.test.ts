import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY, APP_ORIGIN, isAppUrl } from '../../electron/window/app-origin';
import { guardNavigation, type GuardedContents } from '../../electron/window/guard-navigation';
import {
  restrictPermissions,
  type PermissionSession,
} from '../../electron/window/restrict-permissions';
import { secureWindowOptions } from '../../electron/window/secure-window-options';

describe('the app origin', () => {
  it.each([APP_ORIGIN, `${APP_ORIGIN}/`, APP_ENTRY, `${APP_ORIGIN}/assets/app.js?v=1#top`])(
    'counts %s as the app',
    (address) => {
      expect(isAppUrl(address)).toBe(true);
    },
  );

  it.each([
    'treu://app.evil/',
    'treu://app@evil/',
    'treu://evil.app/',
    'treu://other/index.html',
    'treu://app:8080/index.html',
    'https://app/',
    'http://app/index.html',
    'file:///app/index.html',
    'treu:app/index.html',
    'app/index.html',
    '',
    'not an address',
    'javascript:alert(1)',
  ])('does not count %j as the app', (address) => {
    expect(isAppUrl(address)).toBe(false);
  });
});

describe('the window options', () => {
  const PRELOAD = '/opt/treu/resources/app.asar/dist/electron/preload.cjs';

  it.each(['kiosk', 'fullscreen', 'windowed'] as const)(
    'isolate and sandbox the page with no Node anywhere and web security on, in %s mode',
    (mode) => {
      const web = secureWindowOptions(PRELOAD, mode).webPreferences;
      expect(web).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
      });
    },
  );

  it('pass the preload path through unchanged', () => {
    expect(secureWindowOptions(PRELOAD, 'kiosk').webPreferences?.preload).toBe(PRELOAD);
  });

  it.each([
    ['kiosk', { kiosk: true, fullscreen: false }],
    ['fullscreen', { kiosk: false, fullscreen: true }],
    ['windowed', { kiosk: false, fullscreen: false }],
  ] as const)('open a %s window as such', (mode, expected) => {
    const options = secureWindowOptions(PRELOAD, mode);
    expect({ kiosk: options.kiosk, fullscreen: options.fullscreen }).toEqual(expected);
  });
});

/** A fake WebContents that records what guardNavigation registers. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  const contents = {
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
      openHandler = handler;
    },
  };
  const listenerFor = (event: string) => {
    const listener = listeners.get(event);
    if (!listener) throw new Error(`No listener for ${event}`);
    return listener;
  };
  return {
    // WebContents.on has dozens of overloads; the fake answers the ones guardNavigation uses.
    contents: contents as unknown as GuardedContents,
    /** Emits a navigation-like event; says whether it was prevented. */
    emit(event: string, url?: string): boolean {
      const preventDefault = vi.fn();
      listenerFor(event)({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
    open(url: string): WindowOpenHandlerResponse {
      if (!openHandler) throw new Error('No window open handler');
      return openHandler({
        url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: APP_ENTRY, policy: 'strict-origin-when-cross-origin' },
      });
    },
  };
}

describe('the navigation guard', () => {
  it.each(['will-navigate', 'will-redirect'])(
    'stops %s to another origin and reports it',
    (event) => {
      const fake = fakeContents();
      const onRefused = vi.fn();
      guardNavigation(fake.contents, onRefused);
      for (const url of [
        'https://evil.example/',
        'http://localhost:8080/',
        'file:///etc/passwd',
        'treu://app.evil/index.html',
        'treu://other/index.html',
      ]) {
        expect(fake.emit(event, url), url).toBe(true);
        expect(onRefused).toHaveBeenLastCalledWith(
          event === 'will-navigate' ? 'navigation' : 'redirect',
          url,
        );
      }
    },
  );

  it.each(['will-navigate', 'will-redirect'])('lets %s within treu://app go ahead', (event) => {
    const fake = fakeContents();
    const onRefused = vi.fn();
    guardNavigation(fake.contents, onRefused);
    for (const url of [APP_ENTRY, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html#enrol=X`]) {
      expect(fake.emit(event, url), url).toBe(false);
    }
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('stops a webview from being attached', () => {
    const fake = fakeContents();
    const onRefused = vi.fn();
    guardNavigation(fake.contents, onRefused);
    expect(fake.emit('will-attach-webview')).toBe(true);
    expect(onRefused).toHaveBeenCalledWith('webview', '');
  });

  it.each([APP_ENTRY, 'https://example.com/', 'http://localhost:8080/', 'about:blank'])(
    'denies window.open of %s',
    (url) => {
      const fake = fakeContents();
      const onRefused = vi.fn();
      guardNavigation(fake.contents, onRefused);
      expect(fake.open(url)).toEqual({ action: 'deny' });
      expect(onRefused).toHaveBeenCalledWith('new window', url);
    },
  );

  it('works without an onRefused callback', () => {
    const fake = fakeContents();
    guardNavigation(fake.contents);
    expect(fake.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
  });
});

type RequestHandler = (
  contents: unknown,
  permission: string,
  grant: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type CheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: Record<string, unknown>,
) => boolean;
type DeviceHandler = (details: Record<string, unknown>) => boolean;

/** A fake Session that records the three handlers restrictPermissions sets. */
function restrictedSession() {
  let request: RequestHandler | undefined;
  let check: CheckHandler | undefined;
  let device: DeviceHandler | undefined;
  const session = {
    setPermissionRequestHandler(handler: RequestHandler) {
      request = handler;
    },
    setPermissionCheckHandler(handler: CheckHandler) {
      check = handler;
    },
    setDevicePermissionHandler(handler: DeviceHandler) {
      device = handler;
    },
  };
  // The real handler types are unions over every permission; the fake takes them plainly.
  restrictPermissions(session as unknown as PermissionSession);
  if (!request || !check || !device) throw new Error('A permission handler was not set');
  const requestHandler = request;
  const checkHandler = check;
  const deviceHandler = device;
  return {
    /** What the request handler grants. */
    request(permission: string, details: Record<string, unknown>): boolean {
      const grant = vi.fn<(granted: boolean) => void>();
      requestHandler({}, permission, grant, { isMainFrame: true, ...details });
      expect(grant).toHaveBeenCalledTimes(1);
      return grant.mock.calls[0]?.[0] ?? false;
    },
    check: (permission: string, origin: string) =>
      checkHandler({}, permission, origin, { isMainFrame: true }),
    device: (details: Record<string, unknown>) => deviceHandler(details),
  };
}

describe('the permission handlers', () => {
  it('grant the camera alone to the app', () => {
    const session = restrictedSession();
    expect(session.request('media', { requestingUrl: APP_ENTRY, mediaTypes: ['video'] })).toBe(
      true,
    );
  });

  it.each([
    ['camera and microphone', ['video', 'audio']],
    ['the microphone', ['audio']],
    ['no media type', []],
  ])('refuse %s to the app', (_what, mediaTypes) => {
    const session = restrictedSession();
    expect(session.request('media', { requestingUrl: APP_ENTRY, mediaTypes })).toBe(false);
  });

  it('refuse media when the request names no media types', () => {
    const session = restrictedSession();
    expect(session.request('media', { requestingUrl: APP_ENTRY })).toBe(false);
  });

  it.each(['https://evil.example/', 'treu://app.evil/index.html', 'http://localhost:5173/'])(
    'refuse the camera to %s',
    (requestingUrl) => {
      const session = restrictedSession();
      expect(session.request('media', { requestingUrl, mediaTypes: ['video'] })).toBe(false);
    },
  );

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'display-capture',
    'midiSysex',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'fileSystem',
    'unknown',
  ])('refuse %s to the app', (permission) => {
    const session = restrictedSession();
    expect(session.request(permission, { requestingUrl: APP_ENTRY })).toBe(false);
  });

  it('answer a permission check with yes only for media from the app origin', () => {
    const session = restrictedSession();
    expect(session.check('media', APP_ORIGIN)).toBe(true);
    expect(session.check('media', 'https://evil.example')).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'hid', 'usb', 'serial']) {
      expect(session.check(permission, APP_ORIGIN), permission).toBe(false);
    }
  });

  it('refuse every HID, serial and USB device', () => {
    const session = restrictedSession();
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(session.device({ deviceType, origin: APP_ORIGIN, device: {} }), deviceType).toBe(
        false,
      );
    }
  });
});
