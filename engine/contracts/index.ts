/**
 * The HTTP contract's shapes, requests and responses, in one public entry: the API validates, answers
 * and documents with these; the viewer takes its types from here (type-only), never from engine internals.
 */
export * from './chains.ts';
export * from './partners.ts';
export * from './knowledge.ts';
export * from './attachments.ts';
export * from './resources.ts';
export * from './matches.ts';
export * from './responses/index.ts';
export * from './messages/message.ts';
