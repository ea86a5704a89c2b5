import './styles.css';
import { Router } from './app/router.ts';
import { createShell, type NavItem } from './app/shell.ts';
import { onLangChange, t } from './i18n/i18n.ts';
import { el } from './ui/el.ts';
import { emptyState } from './ui/status.ts';
import { chainIndexView, chainMapView } from './views/chainMapView.ts';
import { exploreView } from './views/exploreView.ts';
import { matchesView } from './views/matchesView.ts';
import { overviewView } from './views/overviewView.ts';
import { briefView } from './overview/brief/briefView.ts';
import { pairingView } from './views/pairingView.ts';
import { resourcesView } from './views/resourcesView.ts';
import { reviewView } from './views/reviewView.ts';
import { segmentView } from './views/segmentView.ts';

/** Every view, one module each; a new API lands as a new module registered here and a nav entry. */
const nav: NavItem[] = [
  { section: 'overview', label: 'nav.overview', href: '#/' },
  { section: 'chain', label: 'nav.chain', href: '#/chain' },
  { section: 'pairing', label: 'nav.pairing', href: '#/pairing' },
  { section: 'resources', label: 'nav.resources', href: '#/resources' },
  { section: 'explore', label: 'nav.explore', href: '#/explore' },
  { section: 'matches', label: 'nav.matches', href: '#/matches' },
  { section: 'review', label: 'nav.review', href: '#/review' },
];

const shell = createShell(document.getElementById('app')!, nav);
const router = new Router(
  shell.main,
  (container, path) => {
    container.append(
      el(
        'section',
        { class: 'view' },
        emptyState(t('app.notFoundDetail', { path }), t('app.notFound')),
        el('p', {}, el('a', { href: '#/chain' }, t('app.backHome'))),
      ),
    );
  },
  shell.setSection,
)
  .register(overviewView)
  .register(chainIndexView)
  .register(chainMapView)
  .register(briefView)
  .register(segmentView)
  .register(pairingView)
  .register(resourcesView)
  .register(exploreView)
  .register(matchesView)
  .register(reviewView);

onLangChange(() => {
  shell.relabel();
  router.relabel();
});
router.start();
