/**
 * The signed-in session: the API key for writes and who it belongs to (GET /me). Asked for once and
 * kept for the browser session across tabs (issue 16 item 7).
 *
 * Why localStorage with an expiry, not sessionStorage + BroadcastChannel: sessionStorage is per tab,
 * so a tab opened from a bookmark or the address bar starts empty and would have to ask the open tabs
 * over BroadcastChannel — which finds nobody once the signed-in tab is closed, and answers only after
 * the first render. localStorage gives every tab the key at once and its `storage` event tells every
 * other tab of a sign-in or sign-out. What it costs — the key outlives a closed browser on this
 * machine — is bounded by `sessionHours` from sign-in and by sign-out, which forgets it everywhere.
 * Never in the URL; sent only with writes (and /me) as `Authorization: Bearer …`.
 */
const storageKey = 'chainmatch.session';
/** How long a sign-in lasts: a working day, so a key left on a shared PC is gone by the next. */
export const sessionHours = 8;
const legacyKey = 'chainmatch.apiKey'; // the per-tab key of earlier builds, dropped on first read

export interface Identity {
  id: string;
  name: string;
  scopes: string[];
  admin: boolean;
}
export interface Session {
  key: string;
  /** Who the key belongs to, once /me answered. */
  identity: Identity | null;
  /** ms since the epoch. */
  expiresAt: number;
}

const listeners = new Set<(key: string | null) => void>();
let memory: Session | null = null; // when storage is blocked, the session lives as long as the page

/** A stored session as it reads back: null when absent, malformed or expired. */
export function parseSession(text: string | null, now: number): Session | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as Partial<Session>;
    if (typeof s.key !== 'string' || !s.key || typeof s.expiresAt !== 'number' || s.expiresAt <= now) return null;
    return { key: s.key, identity: s.identity ?? null, expiresAt: s.expiresAt };
  } catch {
    return null;
  }
}

export function session(now = Date.now()): Session | null {
  try {
    sessionStorage.removeItem(legacyKey);
    const text = localStorage.getItem(storageKey);
    const found = parseSession(text, now);
    if (!found && text) localStorage.removeItem(storageKey); // expired or damaged: forget it
    return found;
  } catch {
    return memory && memory.expiresAt > now ? memory : null;
  }
}

export function apiKey(): string | null {
  return session()?.key ?? null;
}

function store(next: Session | null): void {
  memory = next;
  try {
    if (next) localStorage.setItem(storageKey, JSON.stringify(next));
    else localStorage.removeItem(storageKey);
  } catch {
    // kept in memory only
  }
  for (const listener of listeners) listener(next?.key ?? null);
}

/** Signs in with a key (and, when known, its identity) for `sessionHours`; null signs out in every tab. */
export function setApiKey(key: string | null, identity: Identity | null = null): void {
  const value = key?.trim() || null;
  store(value ? { key: value, identity, expiresAt: Date.now() + sessionHours * 3_600_000 } : null);
}

/** Records who the current key belongs to (the expiry stays as it was). */
export function setIdentity(identity: Identity): void {
  const current = session();
  if (current) store({ ...current, identity });
}

export function onApiKeyChange(listener: (key: string | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// another tab signed in or out: tell this tab's listeners
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== storageKey && event.key !== null) return;
    const key = apiKey();
    for (const listener of listeners) listener(key);
  });
}

/** The key as the UI shows it: never the whole key, only its last four characters. */
export function maskedKey(key: string): string {
  return key.length <= 4 ? '••••' : `••••${key.slice(-4)}`;
}
