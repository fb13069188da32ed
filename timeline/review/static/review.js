/* The review page: a selection in the article becomes the evidence form's offsets, and a field
   clicked in the form or the evidence list scrolls to its quote and marks it. Offsets count
   Unicode code points from the start of the article's text, as Python's str indices do. */
(function () {
  "use strict";
  var article = document.getElementById("rv-article");
  if (!article) { return; }

  function offset(node, at) {
    var range = document.createRange();
    range.setStart(article, 0);
    range.setEnd(node, at);
    return Array.from(range.toString()).length;
  }

  var start = document.getElementById("rv-start");
  var end = document.getElementById("rv-end");
  var shown = document.getElementById("rv-selection");
  var button = document.getElementById("rv-set-evidence");

  document.addEventListener("selectionchange", function () {
    if (!start) { return; }
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
    var range = sel.getRangeAt(0);
    if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) {
      return;
    }
    start.value = offset(range.startContainer, range.startOffset);
    end.value = offset(range.endContainer, range.endOffset);
    shown.textContent = range.toString();
    button.disabled = false;
  });

  function mark(field) {
    var root = field.split(/[.\[]/)[0];
    var found = [];
    article.querySelectorAll(".ev").forEach(function (span) {
      span.classList.remove("rv-marked");
      var fields = (span.getAttribute("data-fields") || "").split(" ");
      var hit = fields.some(function (f) {
        return f === field || (field === root && f.split(/[.\[]/)[0] === root);
      });
      if (hit) { found.push(span); }
    });
    found.forEach(function (span) { span.classList.add("rv-marked"); });
    if (found.length) { found[0].scrollIntoView({block: "center"}); }
    var select = document.getElementById("rv-evidence-field");
    if (select) {
      Array.from(select.options).forEach(function (o) { if (o.value === field) { select.value = field; } });
    }
  }

  document.querySelectorAll("[data-field]").forEach(function (el) {
    el.addEventListener("click", function () { mark(el.getAttribute("data-field")); });
  });
})();
