import type { Message } from '../contracts/messages/message.ts';
import { joinMessages } from './say.ts';

/** What a signal counted: text only, or catalogue messages (joined by joinMessages for `detail`). */
export type SignalDetail = string | Message | Message[];

/** A signal's `detail` for text clients and `detailParts` for rendering in the user's language. */
export function detailOf(detail: SignalDetail): { detail: string; detailParts: Message[] } {
  if (typeof detail === 'string') return { detail, detailParts: [] };
  const parts = Array.isArray(detail) ? detail : [detail];
  return { detail: joinMessages(parts), detailParts: parts };
}

/** A reason line from its clauses: `reason` for text clients and `reasonParts` for rendering. */
export function reasonOf(parts: Message[]): { reason: string; reasonParts: Message[] } {
  return { reason: joinMessages(parts), reasonParts: parts };
}
