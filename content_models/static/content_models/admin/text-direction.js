/*
 * Right-to-left editing whatever the admin's own language: every text field and rich text editor takes its
 * direction from its content (dir="auto"), so Arabic reads right to left while Italian stays left to right.
 * StreamField and InlinePanel add fields after load, hence the observer.
 */
(function () {
  "use strict";
  var SELECTOR = 'input[type="text"], input:not([type]), textarea, [contenteditable="true"]';

  function applyAuto(root) {
    if (root.nodeType !== 1) return;
    if (root.matches && root.matches(SELECTOR) && !root.hasAttribute("dir")) root.setAttribute("dir", "auto");
    root.querySelectorAll(SELECTOR).forEach(function (field) {
      if (!field.hasAttribute("dir")) field.setAttribute("dir", "auto");
    });
  }

  function start() {
    applyAuto(document.body);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(applyAuto);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
