/** Every response contract: what the API sends, per area. The API documents and (in tests) checks its answers with these. */
export * from './shared.ts';
export * from './chains.ts';
export * from './partners.ts';
export * from './attachments.ts';
export * from './knowledge.ts';
export * from './resources.ts';
export * from './matches.ts';
export * from './events.ts';
export * from './imports.ts';
export * from './overview.ts';
export * from './me.ts';
