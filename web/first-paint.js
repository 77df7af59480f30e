// The page's first paint, before any module has arrived (issue 13: Lighthouse mobile, the
// tagline is the largest text painted): a small classic script, run as the head is read, that
// sets what the first frame must already show so that nothing moves when app.js arrives: the
// page's language (the one saved in this browser, else the browser's), its static texts
// (data-i18n) in that language, the language switch's pressed button and presentation mode
// (present.js). app.js does the same again with the same texts, and all the rest.
//
// TEXTS is filled by the site's build (tools/first-paint.mjs) from web/i18n.js, with the texts
// of the keys index.html uses: {key: [zh-Hans, zh-Hant, en]}. Unfilled (web/ as it is), only the
// language is set and app.js writes the texts.
(function firstPaint() {
  const TEXTS = {};
  const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
  const root = document.documentElement;

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  // As app.js chooses: the desk's saved language (web/storage.js, nvcheck:desk), the page's one
  // saved enterprise of before (nvcheck:v1), else the browser's language.
  function savedLang() {
    for (const key of ['nvcheck:desk', 'nvcheck:v1']) {
      const raw = stored(key);
      if (!raw) continue;
      const m = raw.match(/"lang":"(zh-Hans|zh-Hant|en)"/);
      if (m) return m[1];
      if (key === 'nvcheck:desk') return null;
    }
    return null;
  }

  function guess() {
    const l = (navigator.language || '').toLowerCase();
    if (l.startsWith('zh')) return /hant|tw|hk|mo/.test(l) ? 'zh-Hant' : 'zh-Hans';
    return l ? 'en' : 'zh-Hans';
  }

  const lang = savedLang() || guess();
  root.lang = lang;
  const i = LANGS.indexOf(lang);
  if (stored('nvcheck:present') === 'on' || new URLSearchParams(location.search).has('present') || location.hash === '#present') {
    root.classList.add('present');
  }

  function text(el) {
    const row = TEXTS[el.dataset.i18n];
    if (row && el.textContent !== row[i]) el.textContent = row[i];
  }
  function fill() {
    for (const el of document.querySelectorAll('[data-i18n]')) text(el);
    for (const b of document.querySelectorAll('.lang-switch [data-lang]')) {
      b.setAttribute('aria-pressed', b.dataset.lang === lang ? 'true' : 'false');
    }
    if (TEXTS['app.title']) document.title = `${TEXTS['app.title'][i]} · WQ-179`;
  }
  // The body is not parsed yet, and a browser may lay out what it has parsed so far (Chromium
  // does between two chunks of the parser): each static text is set as its element arrives (a
  // MutationObserver's records are taken before any rendering), and all of them again once the
  // parsing ends ('interactive', before the page's module scripts run).
  if (document.readyState === 'loading') {
    const seen = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          // An element, or the text the parser puts into it after it.
          const el = n.nodeType === 1 ? n : n.parentNode;
          if (!el || el.nodeType !== 1) continue;
          if (el.dataset.i18n) text(el);
          else if (el.dataset.lang && el.parentNode && el.parentNode.classList && el.parentNode.classList.contains('lang-switch')) {
            el.setAttribute('aria-pressed', el.dataset.lang === lang ? 'true' : 'false');
          }
        }
      }
    });
    seen.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener('readystatechange', function once() {
      document.removeEventListener('readystatechange', once);
      seen.disconnect();
      fill();
    });
  } else {
    fill();
  }
}());
