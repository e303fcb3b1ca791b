/** Versions of replicated records (staff, member profiles) in tests. */
import { formatHlc } from '../../shared/clock';

/** A version: the clock value of `node` at `ms`. */
export const versionAt = (ms: number, counter = 0, node = 'term_a'): string =>
  formatHlc({ wallMs: ms, counter, node });
