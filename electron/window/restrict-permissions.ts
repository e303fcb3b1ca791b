/**
 * Permission requests from pages are refused, except the camera for the terminal's own
 * pages (QR scanning at the counter). The microphone, geolocation, notifications, USB,
 * HID and serial devices: refused; the card reader is opened by main, not by the page.
 */
import type { Session } from 'electron';
import { isAppUrl } from './app-origin';

/** The part of Session this needs: what the tests fake. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/** A media request for the camera alone, and no microphone or screen. */
function onlyCamera(mediaTypes: readonly string[]): boolean {
  return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

export function restrictPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, grant, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    grant(permission === 'media' && isAppUrl(details.requestingUrl) && onlyCamera(mediaTypes));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permission === 'media' && isAppUrl(requestingOrigin) && details.mediaType !== 'audio',
  );
  session.setDevicePermissionHandler(() => false);
}
