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
  'state.notFoundDetail': 'What this address names does not exist (any more). The server’s words:',

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
