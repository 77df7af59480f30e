// Put first in the page by site.mjs: records every problem a person's console would show (errors
// and console.error, unhandled rejections, policy violations, resources that failed to load) in
// window.__problems, in every engine alike.
(function () {
  'use strict';
  var problems = [];
  window.__problems = problems;
  function note(s) { problems.push(String(s)); }
  var error = console.error;
  console.error = function () {
    note('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return error.apply(console, arguments);
  };
  window.addEventListener('error', function (e) {
    var t = e.target;
    note(t && t !== window && (t.src || t.href) ? 'failed to load ' + (t.src || t.href) : 'error: ' + e.message);
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    note('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : e.reason));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    note('policy violation: ' + e.violatedDirective + ' ' + e.blockedURI);
  });
})();
