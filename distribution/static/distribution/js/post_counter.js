// Live character counter for social post variants: counts as each network does (see distribution/channels/limits.py).
(function () {
  "use strict";
  var URL_PATTERN = /https?:\/\/[^\s<>"]+/gi;

  function count(text, counting, urlLength) {
    if (counting === "mastodon") {
      return Array.from(text.replace(URL_PATTERN, "x".repeat(urlLength))).length;
    }
    if (counting === "utf16") {
      return text.length; // JavaScript strings are UTF-16, as Telegram counts
    }
    return Array.from(text).length;
  }

  function attach(textarea) {
    var rules = JSON.parse(textarea.dataset.postCounter);
    var form = textarea.form;
    var channel = form.querySelector("[name=channel]");
    var image = form.querySelector("[name=image]");
    var output = document.createElement("p");
    output.className = "help";
    output.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", output);

    function update() {
      var name = channel ? channel.value : "";
      var limits = rules.limits[name];
      var length = count(textarea.value, rules.counting[name] || "codepoints", rules.urlLength);
      if (!limits) {
        output.textContent = length + " characters (no limit on this channel)";
        output.classList.remove("error-message");
        return;
      }
      var limit = image && image.value ? limits.caption : limits.text;
      output.textContent = length + " / " + limit + (length > limit ? " – too long by " + (length - limit) : "");
      output.classList.toggle("error-message", length > limit);
    }
    ["input", "change"].forEach(function (event) {
      textarea.addEventListener(event, update);
      if (channel) channel.addEventListener(event, update);
    });
    if (image) {
      new MutationObserver(update).observe(image, { attributes: true });
      image.addEventListener("change", update);
    }
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-post-counter]").forEach(attach);
  });
})();
