/** Manual identification: search by name, phone or card number, pick from the matches. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import type { MemberRow } from '../storage/rows';
import { searchMembers } from '../terminal/member-reads';

export function MemberSearch(props: {
  onPick: (member: MemberRow) => void;
  label?: string;
  exclude?: string;
}) {
  const { t } = useI18n();
  const { db } = useTerminal();
  const [query, setQuery] = useState('');
  const inputId = useId();
  const matches = useLiveQuery(
    () => (query.trim().length < 2 ? Promise.resolve([]) : searchMembers(db, query)),
    [db, query],
  );
  const shown = (matches ?? []).filter((member) => member.id !== props.exclude);
  return (
    <div className="member-search">
      <label htmlFor={inputId}>{props.label ?? t.counter.search}</label>
      <input
        id={inputId}
        type="search"
        value={query}
        placeholder={t.counter.searchPlaceholder}
        autoComplete="off"
        onChange={(event) => {
          setQuery(event.target.value);
        }}
      />
      {query.trim().length >= 2 && shown.length === 0 && matches !== undefined && (
        <p>{t.counter.noMatches}</p>
      )}
      <ul className="matches">
        {shown.map((member) => (
          <li key={member.id}>
            <button
              type="button"
              onClick={() => {
                props.onPick(member);
              }}
            >
              <strong>{member.name ?? t.members.noName}</strong>
              {member.phone && <span> · {member.phone}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
