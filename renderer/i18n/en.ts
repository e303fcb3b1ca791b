/**
 * The terminal's words in English. de.ts has the same shape (the compiler checks it);
 * a message with figures is a function of them. The words of a larger area (the
 * manager's screens, the customer view, HQ) live in areas/, both languages in one file.
 */
import { managerMessages } from './areas/manager';
import { programsMessages } from './areas/programs';
import { staffMessages } from './areas/staff';
import { reportsMessages } from './areas/reports';
import { conflictsMessages } from './areas/conflicts';
import { dayEndMessages } from './areas/day-end';
import { kioskMessages } from './areas/kiosk';
import { hqMessages } from './areas/hq';
import { pwaMessages } from './areas/pwa';
import { desktopMessages } from './areas/desktop';
import { plural } from './plural';

export const en = {
  languageName: 'English',
  app: {
    title: 'Treu',
    loading: 'Opening the terminal…',
    storageError: (detail: string) =>
      `The terminal's storage cannot be opened (${detail}). Close other windows of Treu and reload.`,
  },
  firstRun: {
    title: 'Set up this terminal',
    intro:
      'Name the store and create the manager. The terminal starts with a coffee card: ten stamps, the eleventh coffee free.',
    storeName: 'Store name',
    managerName: 'Manager’s name',
    pin: 'Manager PIN (4 to 8 digits)',
    pinAgain: 'PIN again',
    language: 'Language',
    submit: 'Set up',
    working: 'Setting up: making the terminal’s key…',
    errors: {
      store_name: 'Enter the store’s name (up to 80 characters).',
      manager_name: 'Enter the manager’s name (up to 60 characters).',
      pin_format: 'The PIN must be 4 to 8 digits.',
      pin_mismatch: 'The two PINs differ. Enter the same PIN twice.',
      already_set_up: 'This terminal is set up already. Reload to sign in.',
    },
  },
  signIn: {
    title: 'Sign in',
    whoAreYou: 'Who is at the counter?',
    enterPin: (name: string) => `PIN for ${name}`,
    checking: 'Checking…',
    other: 'Someone else',
    errors: {
      wrong_pin: (left: number) =>
        left > 0
          ? `Wrong PIN. ${plural(left, 'try', 'tries')} left before the pad locks.`
          : 'Wrong PIN.',
      locked: (seconds: number) =>
        `Too many wrong PINs. The pad is locked for ${plural(seconds, 'second', 'seconds')}.`,
      pin_format: 'A PIN has 4 to 8 digits.',
      unknown_staff: 'This person is no longer on the staff list.',
    },
  },
  pinPad: {
    label: 'PIN pad',
    digit: (d: string) => `Digit ${d}`,
    delete: 'Delete last digit',
    clear: 'Clear',
    ok: 'OK',
    entered: (n: number) => plural(n, 'digit entered', 'digits entered'),
  },
  nav: {
    label: 'Screens',
    counter: 'Counter',
    enrol: 'New member',
    members: 'Members',
    settings: 'Settings',
    signOut: 'Sign out',
    signedInAs: (name: string, role: string) => `${name} (${role})`,
    roles: { cashier: 'cashier', manager: 'manager' },
  },
  status: {
    label: 'Terminal status',
    online: 'Online',
    offline: 'Offline',
    pending: (n: number) =>
      n === 0 ? 'All synced' : plural(n, 'event not synced', 'events not synced'),
    lastSync: (when: string) => `Last sync: ${when}`,
    neverSynced: 'Not connected to a server yet',
    notSyncedYet: 'Connected, not synced yet',
    syncProblem: (problem: string) => `Sync: ${problem}`,
    reader: {
      off: 'Card reader: off',
      searching: 'Card reader: not plugged in',
      connected: (device: string) => `Card reader: ${device}`,
      error: (message: string) => `Card reader: ${message}`,
    },
    update: {
      downloading: (version: string, percent: number) =>
        `Update ${version}: downloading, ${Math.round(percent)} %`,
      ready: (version: string) => `Update ${version} ready: installs when the counter is idle`,
      installing: 'Installing the update…',
      error: (message: string) => `Update: ${message}`,
    },
  },
  counter: {
    title: 'Counter',
    waiting: 'Scan a member card',
    waitingHint: 'Use the scanner, the camera, or search by name, phone or card number.',
    camera: 'Scan with the camera',
    stopCamera: 'Stop the camera',
    chooseCamera: 'Camera',
    noCamera: 'No camera was found on this device.',
    cameraDenied: 'The camera may not be used: allow it in the browser’s settings.',
    search: 'Search members',
    searchPlaceholder: 'Name, phone or card number',
    noMatches: 'No member matches.',
    close: 'Done with this member',
    stamp: (n: number) => `+${n} ${n === 1 ? 'stamp' : 'stamps'}`,
    stampMany: 'Give stamps',
    overdrawn: (n: number) =>
      `Overdrawn: ${plural(n, 'reward was', 'rewards were')} redeemed without enough stamps, by terminals offline at the same time. Later stamps pay it back.`,
    count: 'Number of stamps',
    redeem: (reward: string) => `Redeem: ${reward}`,
    undo: 'Undo last action',
    feedback: 'How was it today?',
    feedbackStar: (n: number) => plural(n, 'star', 'stars'),
    feedbackThanks: 'Thank you for the feedback.',
    done: 'Done',
    stamped: (n: number, balance: number) =>
      `${plural(n, 'stamp', 'stamps')} given. Balance now ${balance}.`,
    redeemed: (reward: string) => `${reward} redeemed.`,
    undone: 'Last action undone.',
    toNext: (n: number, reward: string) =>
      n <= 0
        ? `${reward} can be redeemed now.`
        : `${plural(n, 'more stamp', 'more stamps')} to ${reward}.`,
    tier: (name: string) => `Tier: ${name}`,
    history: 'Recent history',
    program: 'Program',
    stampCard: (have: number, of: number) => `Stamp card: ${have} of ${of} stamps`,
  },
  scan: {
    malformed_card_code: 'This is not a readable card number. Scan the card again.',
    check_failed: 'The card did not read correctly. Scan it again.',
    not_a_treu_code: 'This code is not a Treu member card.',
    unknown_version: 'This card uses a newer format than this terminal knows. Update the terminal.',
    unknown_card: 'This card is not known here. Enrol the customer, or link the card to a member.',
    card_blocked:
      'This card is blocked (reported lost or stolen). Look the member up by name and give them a new card.',
    member_erased:
      'This member’s data was erased at their request. Enrol them again as a new member.',
  },
  refusal: {
    cooldown: (seconds: number) =>
      `This card was just stamped. Wait ${plural(seconds, 'second', 'seconds')} to avoid counting twice; for several items at once, use +N.`,
    cap_per_transaction: (cap: number) =>
      `At most ${plural(cap, 'stamp', 'stamps')} for one purchase.`,
    cap_per_day: (cap: number, remaining: number) =>
      remaining === 0
        ? `The most stamps allowed today (${cap}) have been given. More tomorrow.`
        : `Only ${remaining} more allowed today (limit ${cap}).`,
    below_minimum_amount: 'This purchase is too small for a stamp.',
    invalid_quantity: 'Enter a whole number of at least 1.',
    not_enough_stamps: (missing: number, reward: string) =>
      `${plural(missing, 'more stamp is', 'more stamps are')} needed for ${reward}.`,
    unknown_reward: 'This reward is not part of the program any more.',
    card_blocked: 'This card is blocked. Give the member a new card.',
    member_erased: 'This member’s data was erased.',
    offline_limit: (limit: number) =>
      `Offline, a member may redeem ${plural(limit, 'reward', 'rewards')} a day. Try again when online.`,
    needs_network: 'This reward can only be redeemed while the terminal is online.',
    program_expired: (date: string) => `This program ended on ${date}.`,
    not_undoable: 'Only stamps and redemptions can be undone.',
    already_undone: 'This has already been undone.',
    undo_window_passed: (seconds: number) =>
      `Too late to undo (more than ${plural(Math.round(seconds / 60), 'minute', 'minutes')}). Ask a manager.`,
    manager_required: 'Only a manager can do this.',
    nothing_to_undo: 'There is nothing on this terminal to undo.',
    unknown_program: 'This program is not on this terminal.',
  },
  enrol: {
    title: 'New member',
    intro: 'Everything but the card is optional. Ask before you note personal data.',
    name: 'Name',
    phone: 'Phone',
    email: 'Email',
    birthday: 'Birthday',
    consent: 'May we send offers? (marketing consent)',
    card: 'Card',
    newQr: 'New QR card (shown and printed)',
    scannedCard: 'Scan an NFC or barcode card now',
    scannedCardKind: 'Kind of card scanned',
    kinds: { qr: 'QR', nfc: 'NFC', barcode: 'Barcode' },
    waitingForCard: 'Waiting for a card scan…',
    cardScanned: (id: string) => `Card ${id} scanned.`,
    referral: 'Referred by (scan their card)',
    referrer: (name: string) => `Referred by ${name}`,
    removeReferrer: 'Remove',
    submit: 'Enrol',
    enrolled: (name: string) => `${name} enrolled.`,
    anonymous: 'New member',
    print: 'Print card',
    toCounter: 'Go to the counter',
    another: 'Enrol another',
    qrLabel: 'Member card QR code',
    fieldErrors: {
      name: 'Names have at most 120 characters, without spaces at the start or end.',
      phone: 'A phone number has digits, spaces and + ( ) / - only.',
      email: 'This is not an email address.',
      birthday: 'Give a real day, as MM-DD or YYYY-MM-DD.',
    },
    card_in_use: 'This card belongs to another member already.',
  },
  members: {
    title: 'Members',
    search: 'Search',
    empty: 'Search by name, phone or card number.',
    open: (name: string) => `Open ${name}`,
    profile: 'Profile',
    cards: 'Cards',
    blocked: 'blocked',
    balances: 'Balances',
    history: 'History',
    replaceCard: 'Card lost: block it and link a new one',
    replacePrompt: 'Scan the new card, or make a new QR card.',
    makeQr: 'New QR card',
    replaced: 'The lost card is blocked and the new card linked. The balance stays.',
    merge: 'Merge a duplicate into this member',
    mergePrompt: 'Search the duplicate account:',
    mergeConfirm: (from: string, into: string) =>
      `Merge ${from} into ${into}? Stamps and cards move; this cannot be undone.`,
    merged: 'Accounts merged.',
    export: 'Export data (JSON)',
    erase: 'Erase personal data',
    eraseConfirm: (name: string) =>
      `Erase the personal data of ${name}? Stamps stay, without a name. This cannot be undone.`,
    erased: 'Personal data erased.',
    confirm: 'Yes, do it',
    cancel: 'Cancel',
    managerOnly: 'Manager only',
    noName: 'No name',
    unknownMember: 'This member is not on this terminal.',
    sameMember: 'An account cannot be merged into itself.',
    erasedMember: 'Erased member',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    storage: 'Storage',
    persisted: 'Stored persistently: the browser will not clear it when space runs low.',
    notPersisted:
      'Not stored persistently: the browser may clear the data when space runs low. Install the app or allow persistent storage.',
    requestPersist: 'Ask for persistent storage',
    quota: (used: string, total: string) => `${used} used of ${total} available`,
    unknownQuota: 'The browser does not say how much space there is.',
    terminal: 'Terminal',
    terminalId: 'Terminal id',
    store: 'Store',
    camera: 'Camera',
    counter: 'Counter',
    stampOnScan:
      'Give one stamp at once when a card is scanned (a second scan within the cooldown gives none)',
    cameraDefault: 'Choose when scanning',
  },
  sync: {
    heading: 'Server',
    notEnrolled:
      'This terminal works on its own. Connect it to the server to share members, stamps and programs with the store’s other terminals.',
    address: 'Server address',
    code: 'Enrolment code',
    codeHint: 'A manager makes one on the server: npm run admin -- code <store id>',
    name: 'Name of this terminal',
    connect: 'Connect',
    connecting: 'Connecting…',
    connected: (url: string, store: string) => `Connected to ${url} for ${store}.`,
    syncNow: 'Sync now',
    syncing: 'Syncing…',
    progress: (pushed: number, pulled: number) =>
      `${plural(pushed, 'event', 'events')} sent, ${plural(pulled, 'event', 'events')} received`,
    synced: (pushed: number, pulled: number) =>
      `Synced: ${plural(pushed, 'event', 'events')} sent, ${plural(pulled, 'event', 'events')} received.`,
    problem: {
      offline: 'The server cannot be reached. The terminal keeps working and syncs when it can.',
      unauthorized: 'The server does not know this terminal’s token. Enrol it again.',
      revoked: 'The server has revoked this terminal. A manager must enrol it again.',
      clock_ahead:
        'The server refused events whose time is ahead of its clock. Check this device’s date and time; the events are kept.',
      rejected: 'The server refused the request.',
      server_error: 'The server had a fault. The terminal tries again later.',
      bad_answer: 'The server’s answer could not be read. Is the address right?',
      not_set_up: 'Set the terminal up first.',
      already_enrolled: (url: string) => `This terminal is connected to ${url} already.`,
      bad_address: 'That is not a server address. Example: http://192.168.1.20:8080',
      not_enrolled: 'This terminal is not connected to a server.',
      unknown_code: 'There is no such enrolment code. Check it, or ask for a new one.',
      code_used: 'This enrolment code was used already. Ask for a new one.',
      code_expired: 'This enrolment code has expired. Ask for a new one.',
      ledger_changed:
        'A sale was recorded in another window while the terminal enrolled, so nothing was changed. Ask for a new code and enrol again.',
    },
  },
  history: {
    'member.enrolled': 'Enrolled',
    'member.updated': 'Profile changed',
    'member.erased': 'Personal data erased',
    'member.merged': 'Accounts merged',
    'card.linked': 'Card linked',
    'card.blocked': 'Card blocked',
    'program.published': 'Program published',
    'stamps.earned': (n: number) => `${n >= 0 ? '+' : ''}${plural(n, 'stamp', 'stamps')}`,
    'reward.redeemed': (reward: string) => `Redeemed: ${reward}`,
    'event.voided': 'Undone',
    'feedback.given': (n: number) => `Feedback: ${plural(n, 'star', 'stars')}`,
    'day.closed': 'Day closed',
    voided: 'undone',
  },
  errors: {
    unexpected: (detail: string) => `Something went wrong: ${detail}. Nothing was recorded.`,
  },
  manager: managerMessages.en,
  programs: programsMessages.en,
  staff: staffMessages.en,
  reports: reportsMessages.en,
  conflicts: conflictsMessages.en,
  dayEnd: dayEndMessages.en,
  kiosk: kioskMessages.en,
  hq: hqMessages.en,
  pwa: pwaMessages.en,
  desktop: desktopMessages.en,
};

export type Messages = typeof en;
