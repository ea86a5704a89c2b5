/**
 * The API key for writes (recording matches, changing their status). Entered once per browser tab
 * session: kept in sessionStorage (gone when the tab closes), never in localStorage or the URL, and
 * sent only with write requests as `Authorization: Bearer …`.
 */
const storageKey = 'chainmatch.apiKey';
const listeners = new Set<(key: string | null) => void>();
let memory: string | null = null; // when sessionStorage is blocked, the key lives as long as the page

export function apiKey(): string | null {
  try {
    return sessionStorage.getItem(storageKey) ?? memory;
  } catch {
    return memory;
  }
}

export function setApiKey(key: string | null): void {
  const value = key?.trim() || null;
  memory = value;
  try {
    if (value) sessionStorage.setItem(storageKey, value);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // kept in memory only
  }
  for (const listener of listeners) listener(value);
}

export function onApiKeyChange(listener: (key: string | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The key as the UI shows it: never the whole key, only its last four characters. */
export function maskedKey(key: string): string {
  return key.length <= 4 ? '••••' : `••••${key.slice(-4)}`;
}
