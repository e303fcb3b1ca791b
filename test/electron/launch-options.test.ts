import { describe, expect, it } from 'vitest';
import { entryAddress, readLaunchOptions } from '../../electron/launch-options';
import { APP_ENTRY, isAppUrl } from '../../electron/window/app-origin';

/** What Electron's process.argv looks like before the terminal's own switches. */
const argv = (...switches: string[]) => ['/opt/Treu/treu', '.', ...switches];

describe('the launch options', () => {
  it('are empty without switches', () => {
    expect(readLaunchOptions(argv())).toEqual({});
  });

  it.each(['kiosk', 'fullscreen', 'windowed'] as const)('read --window=%s', (mode) => {
    expect(readLaunchOptions(argv(`--window=${mode}`))).toEqual({ windowMode: mode });
  });

  it.each(['--window=tv', '--window=', '--window', '--window=Windowed', '--windows=windowed'])(
    'ignore %s',
    (arg) => {
      expect(readLaunchOptions(argv(arg))).toEqual({});
    },
  );

  it('read the server and the code of --enrol', () => {
    expect(readLaunchOptions(argv('--enrol=http://localhost:8080/#enrol=ABCD-EFGH-IJKL'))).toEqual({
      enrol: { server: 'http://localhost:8080', code: 'ABCD-EFGH-IJKL' },
    });
  });

  it('keep the server to its origin', () => {
    expect(
      readLaunchOptions(argv('--enrol=https://sync.example.com/some/page?x=1#enrol=CODE')),
    ).toEqual({ enrol: { server: 'https://sync.example.com', code: 'CODE' } });
  });

  it.each([
    'javascript:alert(1)//#enrol=ABCD',
    'file:///etc/passwd#enrol=ABCD',
    'treu://app/#enrol=ABCD',
    'http://localhost:8080/',
    'http://localhost:8080/#enrol=',
    'http://localhost:8080/#server=x',
    'not an address#enrol=ABCD',
    '',
  ])('ignore --enrol=%s', (value) => {
    expect(readLaunchOptions(argv(`--enrol=${value}`))).toEqual({});
  });

  it('read both switches together', () => {
    expect(
      readLaunchOptions(
        argv('--window=windowed', '--enrol=http://localhost:8080/#enrol=ABCD-EFGH-IJKL'),
      ),
    ).toEqual({
      windowMode: 'windowed',
      enrol: { server: 'http://localhost:8080', code: 'ABCD-EFGH-IJKL' },
    });
  });
});

describe('the entry address', () => {
  it('is the app’s index page without an enrolment', () => {
    expect(entryAddress({})).toBe(APP_ENTRY);
    expect(entryAddress({ windowMode: 'windowed' })).toBe(APP_ENTRY);
  });

  it('carries the enrolment code and server in the fragment of the app’s index page', () => {
    const address = entryAddress({
      enrol: { server: 'http://localhost:8080', code: 'ABCD-EFGH-IJKL' },
    });
    expect(isAppUrl(address)).toBe(true);
    expect(address.startsWith(`${APP_ENTRY}#`)).toBe(true);
    const url = new URL(address);
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect(fragment.get('enrol')).toBe('ABCD-EFGH-IJKL');
    expect(fragment.get('server')).toBe('http://localhost:8080');
  });

  it('escapes a code that would otherwise break the fragment', () => {
    const address = entryAddress({
      enrol: { server: 'http://localhost:8080', code: 'A&server=https://evil.example' },
    });
    const fragment = new URLSearchParams(new URL(address).hash.slice(1));
    expect(fragment.getAll('server')).toEqual(['http://localhost:8080']);
    expect(fragment.get('enrol')).toBe('A&server=https://evil.example');
  });
});
