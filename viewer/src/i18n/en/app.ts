import type { app as zh } from '../zh/app.ts';

/** The shell: title, navigation, placeholders for views not yet open, the demo badge, the API key form. */
export const app: Record<keyof typeof zh, string> = {
  'app.title': 'ChainMatch · industrial-chain map and matchmaking',
  'app.brand': 'ChainMatch',
  'app.subtitle': 'Qixia industrial chains · strengthen, fill, extend',
  'app.skip': 'Skip to main content',
  'app.langToggle': '中文',
  'app.langToggleLabel': '将界面切换为中文',
  'app.navLabel': 'Main navigation',
  'app.notFound': 'No such page',
  'app.notFoundDetail': 'The address {path} does not match any view.',
  'app.backHome': 'Back to the chain map',

  'nav.chain': 'Chain map',
  'nav.pairing': 'School–enterprise',
  'nav.resources': 'Resources',
  'nav.explore': 'Explore',
  'nav.matches': 'Match tracking',

  'nav.review': 'Attachment review',
  'demo.badge': 'demo',
  'demo.short': 'demo',
  'demo.title': 'Demo data: invented by the seed generator, not a real organisation; never report it as a real lead',
  'soon.title': 'Coming soon',
  'soon.pairing':
    'School–enterprise pairing: pick an enterprise or a research unit (or type a need) and see ranked partners with the researcher and topic that carry each pair.',
  'soon.resources': 'Resources board: open demands and offers, per-demand matches, and the global assignment with the unmet demands highlighted.',
  'soon.explore': 'Graph explorer: Chinese full-text search over every entity, a node’s neighbourhood as a force layout, filter by label, pin, zoom and pan.',
  'soon.matches': 'Match tracking: follow-up of recommendations (contacted, agreed, declined) with their history; needs an API key.',
  'soon.hint': 'The API this view needs is not available yet; the page turns on when it lands.',

  'key.label': 'API key',
  'key.save': 'Save key',
  'key.clear': 'Clear key',
  'key.set': 'API key set ({key}) for every tab of this browser, until you sign out or for 8 hours',
  'key.hint':
    'Recording matches and changing their status need a key (or sign in at the top of the page); it is kept in this browser until you sign out or for 8 hours, and never put in the address.',
};
