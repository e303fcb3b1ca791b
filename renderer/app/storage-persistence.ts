/**
 * Persistent storage: a browser may clear a site's IndexedDB when space runs low unless
 * the site's storage is persistent. The terminal asks at start and shows the answer and
 * the quota in the settings.
 */
export interface StorageState {
  readonly persisted: boolean | undefined;
  readonly usageBytes: number | undefined;
  readonly quotaBytes: number | undefined;
}

export async function requestPersistentStorage(): Promise<boolean | undefined> {
  try {
    return await navigator.storage.persist();
  } catch {
    // Not every browser has the Storage API (or allows it here): then it cannot be asked.
    return undefined;
  }
}

export async function readStorageState(): Promise<StorageState> {
  try {
    const [persisted, estimate] = await Promise.all([
      navigator.storage.persisted(),
      navigator.storage.estimate(),
    ]);
    return { persisted, usageBytes: estimate.usage, quotaBytes: estimate.quota };
  } catch {
    // As above: no Storage API, nothing to show but that.
    return { persisted: undefined, usageBytes: undefined, quotaBytes: undefined };
  }
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)} ${units[unit] ?? ''}`;
}
