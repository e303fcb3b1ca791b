/**
 * Listens for keyboard-wedge scans anywhere on the page (capture phase, before any
 * field sees the keys), swallows the keys of a scan, and takes back out of a text field
 * the first character of a burst, which got there before the burst was recognised.
 */
import { useEffect, useRef } from 'react';
import { createWedgeDetector } from './wedge-detector';

interface FieldBefore {
  readonly field: HTMLInputElement | HTMLTextAreaElement;
  readonly value: string;
}

/** Sets a field's value so that React's onChange sees it, as typing would. */
function restoreField({ field, value }: FieldBefore): void {
  const prototype =
    field instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

const textField = (target: EventTarget | null) =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : undefined;

export function useWedgeScanner(onScan: (text: string) => void): void {
  // The detector lives as long as the page: a re-render in the middle of a burst (the
  // first character reached a field) must not start it afresh.
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    const detector = createWedgeDetector();
    let before: FieldBefore | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      const field = textField(event.target);
      const decision = detector.press(event.key, event.timeStamp);
      if (decision.kind === 'pass') {
        before = field && event.key.length === 1 ? { field, value: field.value } : undefined;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      if (decision.kind === 'swallow' && decision.burstStarted && before) {
        restoreField(before);
        before = undefined;
      }
      if (decision.kind === 'scan') latest.current(decision.text);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, []);
}
