/**
 * The server's live stream (`/v1/events/live`, server-sent events) read with fetch, since
 * EventSource cannot send the bearer token. Each `cursor` message says where the tenant's
 * events end; the caller pulls when that is past its own cursor. The stream is opened
 * again after it drops, a little later each time, until stopped.
 */
import type { ServerLink } from '../storage/rows';
import { retryDelayMs } from './retry-delay';

/** Splits a server-sent-events text into its complete messages; returns the rest. */
export function parseServerSentEvents(buffer: string): {
  readonly messages: readonly { readonly event: string; readonly data: string }[];
  readonly rest: string;
} {
  const blocks = buffer.split(/\r?\n\r?\n/u);
  const rest = blocks.pop() ?? '';
  const messages = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/u)) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /u, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return data.length > 0 ? [{ event, data: data.join('\n') }] : [];
  });
  return { messages, rest };
}

function cursorOf(data: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'cursor' in parsed &&
      typeof parsed.cursor === 'string'
    ) {
      return parsed.cursor;
    }
  } catch {
    // Not JSON: not a message of protocol v1. Ignored; the periodic sync still runs.
  }
  return undefined;
}

async function readStream(
  link: ServerLink,
  onCursor: (cursor: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(new URL('/v1/events/live', link.url), {
    headers: { authorization: `Bearer ${link.token}`, accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`live stream: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const parsed = parseServerSentEvents(buffer + value);
    buffer = parsed.rest;
    for (const message of parsed.messages) {
      const cursor = message.event === 'cursor' ? cursorOf(message.data) : undefined;
      if (cursor !== undefined) onCursor(cursor);
    }
  }
}

export interface LiveUpdates {
  stop(): void;
}

export function listenForUpdates(
  link: () => Promise<ServerLink | undefined>,
  onCursor: (cursor: string) => void,
  options: { readonly random?: () => number; readonly retryMs?: number } = {},
): LiveUpdates {
  const controller = new AbortController();
  const stopped = () => controller.signal.aborted;
  const random = options.random ?? Math.random;
  const run = async () => {
    let failures = 0;
    while (!stopped()) {
      const current = await link();
      if (!current) return;
      const started = Date.now();
      try {
        await readStream(current, onCursor, controller.signal);
      } catch {
        // Dropped, refused or unreachable: open it again, later each time it keeps failing.
      }
      // A stream that stayed up a while was fine: start the backoff over.
      failures = Date.now() - started > 30_000 ? 1 : failures + 1;
      if (stopped()) return;
      await new Promise((resolve) =>
        setTimeout(resolve, retryDelayMs(failures, random, options.retryMs)),
      );
    }
  };
  void run();
  return {
    stop() {
      controller.abort();
    },
  };
}
