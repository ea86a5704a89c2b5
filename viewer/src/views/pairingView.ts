import type { ViewDefinition } from '../app/router.ts';
import { t } from '../i18n/i18n.ts';
import { createMatchPanel } from '../pairing/matchPanel.ts';
import { createPairingState, pairingHash, type PairingTab } from '../pairing/pairingState.ts';
import { partnerMatcher } from '../pairing/partnerMatcher.ts';
import { talentMatcher } from '../pairing/talentMatcher.ts';
import { el } from '../ui/el.ts';
import { tabs, type Tabs } from '../ui/tabs.ts';

/**
 * `#/pairing`: school–enterprise pairing (校企对接) — an enterprise, a research unit or a need in
 * words → ranked partners with the researcher and topic that carry each pair — and talent matching.
 * Deep links: `?enterpriseId=…&name=…`, `?researchUnitId=…`, `?text=…&role=need|capability`, `&tab=talent`.
 * The two tabs are one implementation (pairing/matchPanel.ts) given what differs (pairing/*Matcher.ts).
 */
export const pairingView: ViewDefinition = {
  id: 'pairing',
  pattern: '/pairing',
  section: 'pairing',
  mount({ container, query }) {
    const state = createPairingState(query);
    const syncUrl = () => history.replaceState(null, '', pairingHash(state));
    const panels = { partners: createMatchPanel(partnerMatcher, state, syncUrl), talent: createMatchPanel(talentMatcher, state, syncUrl) };

    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const tabHost = el('div', {});
    let tabBar: Tabs | null = null;
    container.append(
      el('section', { class: 'view view-pairing', 'aria-labelledby': 'view-title' }, el('header', { class: 'view-head' }, title, intro), tabHost),
    );

    const renderAll = () => {
      title.textContent = t('nav.pairing');
      intro.textContent = t('pair.intro');
      const labels = { partners: t('pair.tabPartners'), talent: t('pair.tabTalent') };
      if (!tabBar) {
        const items = (['partners', 'talent'] as const).map((key) => ({ key, label: labels[key], panel: panels[key].element }));
        tabBar = tabs('pairing', items, t('pair.tabsLabel'), state.tab, (key) => {
          state.tab = key as PairingTab;
          syncUrl();
          // the detail graphs size to their column, which is only measurable once shown
          panels[state.tab].renderDetail();
        });
        tabHost.append(tabBar.element);
      } else tabBar.relabel(labels, t('pair.tabsLabel'));
      panels.partners.render();
      panels.talent.render();
    };

    renderAll();
    // Deep link: run at once what the address names.
    if (panels[state.tab].ready()) panels[state.tab].run();

    return {
      relabel: renderAll,
      destroy() {
        panels.partners.destroy();
        panels.talent.destroy();
      },
    };
  },
};
