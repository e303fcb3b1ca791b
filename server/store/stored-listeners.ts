/** The listeners of one store instance for "new events of a tenant were committed". */
export interface StoredListeners {
  add(listener: (tenant: string) => void): () => void;
  tell(tenant: string): void;
}

export function storedListeners(): StoredListeners {
  const listeners = new Set<(tenant: string) => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    tell(tenant) {
      for (const listener of listeners) listener(tenant);
    },
  };
}
