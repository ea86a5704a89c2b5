import { z } from 'zod';
import { zhMessages } from './zhMessages.ts';

/**
 * A reason clause or a signal detail as data (issue 16 item 5): a code from the closed catalogue
 * (zhMessages.ts), its parameters, and the Chinese sentence for clients that only want text.
 */
export type MessageCode = keyof typeof zhMessages;
export const messageCodes = Object.keys(zhMessages) as [MessageCode, ...MessageCode[]];

export { wordParams, type WordParam } from './wordParams.ts';
/** The languages a message renders in (renderMessages.ts): Chinese, English. */
export type MessageLang = 'zh' | 'en';

/**
 * The language of an export (`?lang=` on every CSV/XLSX route): headers, titles, the context block, the
 * reasons and every word in Chinese (the default) or English. Data — firm, segment and product names —
 * stays as recorded.
 */
export const exportLangSchema = z
  .enum(['zh', 'en'])
  .default('zh')
  .meta({ description: '导出语言 the export’s language: zh (default) or en; applies to csv/xlsx' });

/** How many parameters a message has at most, and how long each may be: the API's bounds. */
export const messageLimits = { params: 12, paramName: 40, text: 400, listItems: 20, listItem: 200, messageText: 2000 } as const;

export type MessageParam = string | number | string[];
export type MessageParams = Record<string, MessageParam>;

export const messageParamSchema = z.union([
  z.number(),
  z.string().max(messageLimits.text),
  z.array(z.string().max(messageLimits.listItem)).max(messageLimits.listItems),
]);

export const messageSchema = z
  .strictObject({
    code: z.enum(messageCodes),
    params: z
      .record(z.string().max(messageLimits.paramName), messageParamSchema)
      .refine((p) => Object.keys(p).length <= messageLimits.params, { message: `at most ${messageLimits.params} parameters` }),
    text: z.string().max(messageLimits.messageText).meta({ description: 'the message in Chinese, as `reason`/`detail` joins it' }),
  })
  .meta({
    id: 'Message',
    description:
      'a reason clause or signal detail as data: render `code` with `params` in the user’s language (parameters tags/size/level/mode are codes to show as words), or show `text` (Chinese)',
  });

export type Message = z.infer<typeof messageSchema>;
