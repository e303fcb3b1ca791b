/**
 * The counter's confirmation: a large message that says what happened ("2 stamps given")
 * or why not, read out by screen readers, with a tone. It fades after a few seconds.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { playDone, playRefused } from '../feedback/sound';

export type Tone = 'done' | 'refused' | 'info';

interface Message {
  readonly text: string;
  readonly tone: Tone;
  readonly key: number;
}

const SHOW_MS = 5_000;

const AnnouncerContext = createContext<(text: string, tone: Tone) => void>(() => undefined);

export function AnnouncerProvider(props: { children: ReactNode }) {
  const [message, setMessage] = useState<Message>();
  const announce = useCallback((text: string, tone: Tone) => {
    if (tone === 'done') playDone();
    if (tone === 'refused') playRefused();
    setMessage((previous) => ({ text, tone, key: (previous?.key ?? 0) + 1 }));
  }, []);
  useEffect(() => {
    if (!message) return undefined;
    const timer = setTimeout(() => {
      setMessage(undefined);
    }, SHOW_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [message]);
  return (
    <AnnouncerContext.Provider value={announce}>
      {props.children}
      <div className="announcer" aria-live="assertive" role="status" data-testid="announcer">
        {message && (
          <p key={message.key} className={`announcement ${message.tone}`} data-tone={message.tone}>
            {message.text}
          </p>
        )}
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnouncerContext);
