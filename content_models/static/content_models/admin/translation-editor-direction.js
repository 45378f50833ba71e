/*
 * wagtail-localize's translation editor shows each segment's source text, then its translation (or the text box to
 * write it). Both inherited the admin's direction: a saved Arabic translation read left to right in the Italian
 * admin ("InterAzioni هو ..." scrambled), an Italian source sentence right to left in the Arabic admin (its full
 * stop on the left). Direction from content (dir="auto") is no answer: an Arabic sentence may start with a Latin
 * name. So each text gets the language and direction of its locale, from the editor's own props and the content
 * languages' directions the page carries (#content-language-directions, from cms.languages).
 * The editor is a React app that re-renders: an observer marks what it adds.
 */
(function () {
  "use strict";

  function start() {
    var editor = document.querySelector(".js-translation-editor[data-props]");
    var table = document.getElementById("content-language-directions");
    if (!editor || !table) return;
    var props = JSON.parse(editor.getAttribute("data-props"));
    var directions = JSON.parse(table.textContent);
    var source = { lang: props.sourceLocale.code, dir: directions[props.sourceLocale.code] || "ltr" };
    var target = { lang: props.locale.code, dir: directions[props.locale.code] || "ltr" };

    function set(element, language) {
      if (element.getAttribute("dir") !== language.dir) element.setAttribute("dir", language.dir);
      if (element.getAttribute("lang") !== language.lang) element.setAttribute("lang", language.lang);
    }

    function mark() {
      // A segment: <li> with the source as its <p> child and the translation (text or text box) in its <div>.
      editor.querySelectorAll("li").forEach(function (segment) {
        var children = Array.prototype.slice.call(segment.children);
        var sourceText = children.filter(function (child) { return child.tagName === "P"; })[0];
        var translation = children.filter(function (child) { return child.tagName === "DIV"; })[0];
        if (!sourceText || !translation) return;
        set(sourceText, source);
        set(translation, target);
        translation.querySelectorAll("textarea, input[type='text']").forEach(function (box) { set(box, target); });
      });
    }

    mark();
    new MutationObserver(mark).observe(editor, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
