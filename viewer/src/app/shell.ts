import { lang, setLang, t, type MessageKey } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { signInBox } from '../ui/signInBox.ts';

export interface NavItem {
  section: string;
  label: MessageKey;
  href: string;
  soon?: boolean;
}

/** The page frame: skip link, header with the brand, the main navigation and the language toggle, and the main area. */
export function createShell(root: HTMLElement, nav: NavItem[]) {
  const skip = el('a', { class: 'skip-link', href: '#' });
  skip.addEventListener('click', (event) => {
    event.preventDefault(); // the hash is the route; focus the content instead of navigating
    main.focus();
  });
  const brand = el('a', { class: 'brand', href: '#/' });
  const subtitle = el('span', { class: 'subtitle' });
  const links = nav.map((item) => el('a', { href: item.href, 'data-section': item.section, class: 'nav-link' }));
  const navigation = el(
    'nav',
    { class: 'main-nav' },
    el(
      'ul',
      {},
      links.map((a) => el('li', {}, a)),
    ),
  );
  const toggle = el('button', { type: 'button', class: 'btn lang-toggle', id: 'lang-toggle' });
  toggle.addEventListener('click', () => setLang(lang() === 'en' ? 'zh-CN' : 'en'));
  const main = el('main', { id: 'main', tabindex: -1 });
  const signIn = signInBox(); // who is signed in, on every page
  root.replaceChildren(
    skip,
    el('header', { class: 'app-header' }, el('div', { class: 'brand-block' }, brand, subtitle), navigation, signIn.element, toggle),
    main,
  );

  let section: string | null = null;
  const relabel = () => {
    document.title = t('app.title');
    document.documentElement.lang = lang();
    skip.textContent = t('app.skip');
    brand.textContent = t('app.brand');
    subtitle.textContent = t('app.subtitle');
    navigation.setAttribute('aria-label', t('app.navLabel'));
    links.forEach((a, i) => {
      const item = nav[i];
      a.replaceChildren(t(item.label), item.soon ? el('span', { class: 'soon-dot', title: t('soon.title') }, t('soon.title')) : '');
    });
    toggle.textContent = t('app.langToggle');
    toggle.setAttribute('aria-label', t('app.langToggleLabel'));
    toggle.setAttribute('lang', lang() === 'en' ? 'zh-CN' : 'en');
    signIn.relabel();
  };
  const setSection = (next: string | null) => {
    section = next;
    for (const a of links) {
      if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  };
  relabel();
  return { main, relabel, setSection };
}
