/** The words of the Staff screen: the staff list, its audit, and corrections per cashier. */
import { bilingual } from '../bilingual';
import { plural } from '../plural';

export const staffMessages = bilingual({
  en: {
    title: 'Staff',
    list: 'Who works here',
    name: 'Name',
    role: 'Role',
    roles: { cashier: 'Cashier', manager: 'Manager' },
    since: 'Since',
    you: '(you)',
    actions: 'Actions',
    add: 'Add a member of staff',
    addButton: 'Add',
    adding: 'Adding…',
    pin: 'PIN (4 to 8 digits)',
    pinAgain: 'PIN again',
    pinMismatch: 'The two PINs differ. Enter the same PIN twice.',
    added: (name: string) => `${name} was added and can sign in now.`,
    resetPin: 'Reset PIN',
    resetPinFor: (name: string) => `New PIN for ${name}`,
    savePin: 'Save PIN',
    pinReset: (name: string) => `${name}’s PIN was changed.`,
    makeRole: (role: string) => `Make ${role.toLowerCase()}`,
    roleChanged: (name: string, role: string) => `${name} is now ${role.toLowerCase()}.`,
    confirmRole: {
      manager: (name: string) =>
        `Make ${name} manager? A manager may change programs, staff and corrections.`,
      cashier: (name: string) => `Make ${name} cashier? A cashier cannot open the manager’s area.`,
    },
    remove: 'Remove',
    confirmRemove: (name: string) =>
      `Remove ${name}? They can no longer sign in. What they recorded stays.`,
    removed: (name: string) => `${name} was removed.`,
    cancel: 'Cancel',
    errors: {
      not_manager: 'Only a signed-in manager may change the staff list.',
      name: 'Enter a name (up to 60 characters).',
      name_taken: 'Someone of that name is on the staff list already. Add a surname or initial.',
      pin_format: 'A PIN has 4 to 8 digits.',
      unknown_staff: 'This person is no longer on the staff list.',
      last_manager: 'The store needs at least one manager. Make someone else manager first.',
      self: 'You cannot remove yourself. Another manager can.',
    },
    changes: 'Changes to the staff list',
    noChanges: 'No changes yet.',
    change: {
      added: (who: string, by: string, role: string) =>
        `${by} added ${who} as ${role.toLowerCase()}`,
      removed: (who: string, by: string) => `${by} removed ${who}`,
      pin_reset: (who: string, by: string) => `${by} reset ${who}’s PIN`,
      role_changed: (who: string, by: string, role: string) =>
        `${by} made ${who} ${role.toLowerCase()}`,
    },
    corrections: 'Corrections and voids per cashier (last 30 days)',
    noCorrections: 'No corrections or voids in the last 30 days.',
    correctionCounts: (voids: number, adjustments: number) =>
      `${plural(voids, 'void', 'voids')}, ${plural(adjustments, 'adjustment', 'adjustments')}`,
    when: 'When',
    what: 'What',
    member: 'Member',
    stamps: 'Stamps',
    kinds: {
      stamps: 'Undid stamps',
      redemption: 'Undid a redemption',
      unknown: 'Undid an event not on this terminal',
      adjustment: 'Adjusted stamps',
    },
    reasons: {
      cashier_undo: 'cashier’s undo',
      manager_correction: 'manager’s correction',
      adjustment: 'adjustment',
    },
    unknownStaff: (id: string) => `${id} (staff of another store)`,
    noManager: (name: string) =>
      `The store has no manager: changes made on two terminals while offline left none. Until someone is made manager, ${name}, a former manager and the longest on the staff list, has the manager’s rights.`,
    noManagerNobody:
      'The store has no manager, and no former manager is on the staff list. Set up a manager on a new terminal and enrol it with the store.',
    unknownMember: 'a member not on this terminal',
    systemStaff: 'The terminal itself',
  },
  de: {
    title: 'Personal',
    list: 'Wer hier arbeitet',
    name: 'Name',
    role: 'Rolle',
    roles: { cashier: 'Kasse', manager: 'Leitung' },
    since: 'Seit',
    you: '(Sie)',
    actions: 'Aktionen',
    add: 'Person hinzufügen',
    addButton: 'Hinzufügen',
    adding: 'Wird hinzugefügt…',
    pin: 'PIN (4 bis 8 Ziffern)',
    pinAgain: 'PIN wiederholen',
    pinMismatch: 'Die beiden PINs sind verschieden. Zweimal dieselbe PIN eingeben.',
    added: (name: string) => `${name} wurde hinzugefügt und kann sich jetzt anmelden.`,
    resetPin: 'PIN zurücksetzen',
    resetPinFor: (name: string) => `Neue PIN für ${name}`,
    savePin: 'PIN speichern',
    pinReset: (name: string) => `Die PIN von ${name} wurde geändert.`,
    makeRole: (role: string) => `Rolle: ${role}`,
    roleChanged: (name: string, role: string) => `${name} hat jetzt die Rolle ${role}.`,
    confirmRole: {
      manager: (name: string) =>
        `${name} die Rolle Leitung geben? Die Leitung darf Programme, Personal und Korrekturen ändern.`,
      cashier: (name: string) =>
        `${name} die Rolle Kasse geben? Die Kasse kann den Bereich der Leitung nicht öffnen.`,
    },
    remove: 'Entfernen',
    confirmRemove: (name: string) =>
      `${name} entfernen? Eine Anmeldung ist dann nicht mehr möglich. Was gebucht wurde, bleibt.`,
    removed: (name: string) => `${name} wurde entfernt.`,
    cancel: 'Abbrechen',
    errors: {
      not_manager: 'Nur eine angemeldete Leitung darf die Personalliste ändern.',
      name: 'Einen Namen eingeben (bis zu 60 Zeichen).',
      name_taken:
        'Jemand mit diesem Namen steht schon auf der Liste. Nachnamen oder Initiale ergänzen.',
      pin_format: 'Eine PIN hat 4 bis 8 Ziffern.',
      unknown_staff: 'Diese Person steht nicht mehr auf der Personalliste.',
      last_manager:
        'Das Geschäft braucht mindestens eine Leitung. Zuerst jemand anderen zur Leitung machen.',
      self: 'Sie können sich nicht selbst entfernen. Eine andere Leitung kann es.',
    },
    changes: 'Änderungen an der Personalliste',
    noChanges: 'Noch keine Änderungen.',
    change: {
      added: (who: string, by: string, role: string) =>
        `${by} hat ${who} hinzugefügt (Rolle ${role})`,
      removed: (who: string, by: string) => `${by} hat ${who} entfernt`,
      pin_reset: (who: string, by: string) => `${by} hat die PIN von ${who} zurückgesetzt`,
      role_changed: (who: string, by: string, role: string) =>
        `${by} hat ${who} die Rolle ${role} gegeben`,
    },
    corrections: 'Korrekturen und Stornos je Person (letzte 30 Tage)',
    noCorrections: 'Keine Korrekturen oder Stornos in den letzten 30 Tagen.',
    correctionCounts: (voids: number, adjustments: number) =>
      `${plural(voids, 'Storno', 'Stornos')}, ${plural(adjustments, 'Korrektur', 'Korrekturen')}`,
    when: 'Wann',
    what: 'Was',
    member: 'Mitglied',
    stamps: 'Stempel',
    kinds: {
      stamps: 'Stempel storniert',
      redemption: 'Einlösung storniert',
      unknown: 'Buchung storniert, die nicht auf diesem Terminal ist',
      adjustment: 'Stempel korrigiert',
    },
    reasons: {
      cashier_undo: 'Rückgängig an der Kasse',
      manager_correction: 'Korrektur der Leitung',
      adjustment: 'Korrektur',
    },
    unknownStaff: (id: string) => `${id} (Personal eines anderen Geschäfts)`,
    noManager: (name: string) =>
      `Das Geschäft hat keine Leitung: Änderungen, die auf zwei Terminals ohne Verbindung gemacht wurden, haben keine übrig gelassen. Bis jemand zur Leitung gemacht wird, hat ${name}, früher Leitung und am längsten auf der Personalliste, die Rechte der Leitung.`,
    noManagerNobody:
      'Das Geschäft hat keine Leitung, und keine frühere Leitung steht auf der Personalliste. Richten Sie auf einem neuen Terminal eine Leitung ein und melden Sie es beim Geschäft an.',
    unknownMember: 'ein Mitglied, das nicht auf diesem Terminal ist',
    systemStaff: 'Das Terminal selbst',
  },
});
