// Shows the draft report the page posts (report-view.js). Classic script: the frame is sandboxed
// with an opaque origin, and a module script would need CORS.
(function () {
  'use strict';

  function show(html) {
    var parsed = new DOMParser().parseFromString(html, 'text/html');
    // The report is the engine's document; no script of it may run (the policy forbids it too).
    var scripts = parsed.querySelectorAll('script');
    for (var i = 0; i < scripts.length; i += 1) scripts[i].remove();
    var root = document.adoptNode(parsed.documentElement);
    var y = window.scrollY;  // an update keeps the reader's place
    document.replaceChild(root, document.documentElement);
    window.scrollTo(0, y);
  }

  window.addEventListener('message', function (ev) {
    if (ev.source !== window.parent) return;
    var m = ev.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'report' && typeof m.html === 'string') show(m.html);
    else if (m.type === 'print') window.print();
  });

  window.parent.postMessage({ type: 'ready' }, '*');
})();
