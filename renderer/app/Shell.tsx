/**
 * The signed-in terminal: navigation between the counter, enrolment, members, the
 * manager's area and settings; the status bar; and the scanners, whose scans go to the screen in front.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { followAppends } from './counter-activity';
import { CustomerView } from '../kiosk/CustomerView';
import { listenToBridgeReader } from '../scanning/bridge-reader';
import { ScanRouterProvider, useScanRouter, type Scan } from '../scanning/scan-router';
import { useWedgeScanner } from '../scanning/use-wedge-scanner';
import { CounterScreen, type AtCounter } from '../screens/CounterScreen';
import { EnrolScreen } from '../screens/EnrolScreen';
import { MembersScreen } from '../screens/MembersScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { StatusBar } from '../ui/StatusBar';
import { useTerminal } from './terminal-context';

// The manager's area (charts, the program editor) loads when first opened: the counter
// starts without it.
const ManagerScreen = lazy(() =>
  import('../manager/ManagerScreen').then((module) => ({ default: module.ManagerScreen })),
);

type ScreenName = 'counter' | 'enrol' | 'members' | 'manager' | 'settings';
const SCREENS: readonly ScreenName[] = ['counter', 'enrol', 'members', 'manager', 'settings'];
/** The screens a cashier does not see. */
const MANAGER_ONLY: ReadonlySet<ScreenName> = new Set(['manager']);

/** The scanners that need no screen: the keyboard wedge and the bridge's card reader. */
/** The updater learns of every write of this page (counter-activity.ts). */
function CounterActivity() {
  useEffect(() => followAppends(), []);
  return null;
}

function Scanners() {
  const router = useScanRouter();
  useWedgeScanner(
    useCallback(
      (text: string) => {
        router.deliver({ text, source: 'wedge' });
      },
      [router],
    ),
  );
  useEffect(
    () =>
      listenToBridgeReader((text) => {
        router.deliver({ text, source: 'reader' });
      }),
    [router],
  );
  return null;
}

export function Shell() {
  const { t } = useI18n();
  const { session, signOut } = useTerminal();
  const [screen, setScreen] = useState<ScreenName>('counter');
  const [atCounter, setAtCounter] = useState<AtCounter>();
  const [openMember, setOpenMember] = useState<string>();
  const [pendingScan, setPendingScan] = useState<Scan>();
  const [customerView, setCustomerView] = useState(false);
  const screens = SCREENS.filter((name) => session.role === 'manager' || !MANAGER_ONLY.has(name));
  // A manager made cashier while on a manager's screen goes back to the counter.
  const shown = screens.includes(screen) ? screen : 'counter';

  // A scan no screen takes (settings, say) goes to the counter.
  const fallback = useCallback((scan: Scan) => {
    setScreen('counter');
    setPendingScan(scan);
  }, []);

  if (customerView) {
    return (
      <ScanRouterProvider fallback={() => undefined}>
        <Scanners />
        <CounterActivity />
        <CustomerView
          onLeave={() => {
            setCustomerView(false);
          }}
        />
      </ScanRouterProvider>
    );
  }

  return (
    <ScanRouterProvider fallback={fallback}>
      <Scanners />
      <CounterActivity />
      <div className="shell">
        <header className="top-bar">
          <nav aria-label={t.nav.label}>
            <ul>
              {screens.map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    aria-current={shown === name ? 'page' : undefined}
                    onClick={() => {
                      setScreen(name);
                    }}
                  >
                    {name === 'manager' ? t.manager.label : t.nav[name]}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setCustomerView(true);
            }}
          >
            {t.kiosk.open}
          </button>
          <span className="signed-in">
            {t.nav.signedInAs(session.name, t.nav.roles[session.role])}
          </span>
          <button type="button" className="secondary" onClick={signOut}>
            {t.nav.signOut}
          </button>
        </header>
        {shown === 'counter' && (
          <CounterScreen
            current={atCounter}
            onCurrent={setAtCounter}
            pendingScan={pendingScan}
            onPendingScanTaken={() => {
              setPendingScan(undefined);
            }}
          />
        )}
        {shown === 'enrol' && (
          <EnrolScreen
            onToCounter={(memberId) => {
              setAtCounter({ memberId });
              setScreen('counter');
            }}
          />
        )}
        {shown === 'members' && <MembersScreen openMember={openMember} onOpen={setOpenMember} />}
        {shown === 'manager' && (
          <Suspense fallback={<p>{t.app.loading}</p>}>
            <ManagerScreen />
          </Suspense>
        )}
        {shown === 'settings' && <SettingsScreen />}
        <StatusBar />
      </div>
    </ScanRouterProvider>
  );
}
