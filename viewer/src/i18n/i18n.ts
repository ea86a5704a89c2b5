import { en } from './en.ts';
import { zh, type MessageKey } from './zh.ts';

export type { MessageKey };
export type Lang = 'zh-CN' | 'en';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };
const storageKey = 'chainmatch.lang';
const listeners = new Set<(lang: Lang) => void>();

function storedLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage can be blocked (private mode, file://); Chinese is the default anyway
  }
}

let current: Lang = typeof localStorage === 'undefined' ? 'zh-CN' : storedLang();

export function lang(): Lang {
  return current;
}

/** Fills `{name}` placeholders; unknown ones stay visible so a missing parameter is noticed. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[current][key], params);
}

/** A key built from API data (a class, tag or signal name); falls back to the raw value when unknown. */
export function tData(prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  return key in zh ? t(key) : value;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // not persisted; the switch still applies to this page
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
