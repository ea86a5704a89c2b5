import type { common as zh } from '../zh/common.ts';

/** Words shared by every view: loading and error states, units, lists, export buttons, the entity picker, the text-match provider. */
export const common: Record<keyof typeof zh, string> = {
  'state.loading': 'Loading…',
  'state.empty': 'Nothing here yet',
  'state.error': 'Something went wrong',
  'state.retry': 'Retry',
  'state.networkError': 'Cannot reach the server',
  'state.networkDetail': 'The request {url} got no answer; check that the service is running.',
  'state.badResponse': 'The server sent something unexpected',
  'state.field': 'Field',
  'problem.400': 'The request is not right; check what was entered. The server’s words:',
  'problem.401': 'This needs a valid API key. The server’s words:',
  'problem.403': 'This key may not do that. The server’s words:',
  'problem.404': 'What this address names does not exist (any more). The server’s words:',
  'problem.409': 'This conflicts with the data as it is (changed by someone else, or the same request sent twice). The server’s words:',
  'problem.413': 'What was sent is over the size limit. The server’s words:',
  'problem.415': 'This kind of file or content is not accepted. The server’s words:',
  'problem.429': 'Too many requests; try again shortly. The server’s words:',
  'problem.503': 'The service is not available just now (starting or busy); try again shortly. The server’s words:',
  'problem.5xx': 'The server failed. The server’s words:',
  'problem.other': 'The server’s words:',

  'unit.yi': 'CNY {value}',
  'list.sep': ', ',
  'label.colon': '{label}: {value}',

  'picker.chosen': 'Chosen: {name} ({id})',
  'picker.none': 'Nothing found for “{q}”',
  'picker.count': '{n} suggestions; arrow keys to move, Enter to choose',

  'export.csv': 'Export CSV',
  'export.xlsx': 'Export Excel',
  'export.png': 'Export PNG',
  'export.svg': 'Export SVG',
  'export.working': 'Exporting…',

  'provider.lexical': 'text matching: lexical',
  'provider.embedding': 'text matching: embeddings',
  'provider.hybrid': 'text matching: words + meaning',

  'provider.hint': 'How text similarity is computed: lexical (word overlap) or embeddings (a language model)',
  'col.rank': 'Rank',

  'unit.m2': '{value} m²',
  'unit.yuanPerM2Month': 'CNY/m²/month',
  'unit.wanPerMu': '10k CNY/mu',
  'unit.wan': '10k CNY',
};
