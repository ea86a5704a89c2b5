import { t, type MessageKey } from '../i18n/i18n.ts';
import { dataText } from './el.ts';

/**
 * A dictionary message whose named parameters are data (a firm's or person's name): the words in the
 * user's language, each name in a span marked `translate="no"` (ui/el.ts dataText). Other parameters
 * are filled as t() fills them; a parameter given as a node (an id in a details line) is placed as it is.
 */
export function tWithData(key: MessageKey, data: Record<string, string | Node>, params: Record<string, string | number> = {}): (string | Node)[] {
  return t(key, params)
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined || !(name in data)) return part;
      const value = data[name]!;
      return typeof value === 'string' ? dataText(value) : value;
    });
}
