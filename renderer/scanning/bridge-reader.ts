/**
 * The Electron terminal's card reader, when there is one: the preload exposes
 * `window.treu.reader` (the bridge contract comes with the Electron shell). The renderer
 * never assumes it; in a browser or on a tablet this finds nothing and does nothing.
 */
import { z } from 'zod';

const readerSchema = z.object({
  onCard: z.custom<(listener: (cardText: string) => void) => () => void>(
    (value) => typeof value === 'function',
  ),
});

const bridgeSchema = z.object({ reader: readerSchema });

/** Subscribes to card reads from the bridge; returns how to stop, or undefined without one. */
export function listenToBridgeReader(onCard: (text: string) => void): (() => void) | undefined {
  const parsed = bridgeSchema.safeParse(window.treu);
  if (!parsed.success) return undefined;
  return parsed.data.reader.onCard((text) => {
    if (typeof text === 'string') onCard(text);
  });
}
