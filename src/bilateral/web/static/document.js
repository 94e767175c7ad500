// A document's page: highlighted evidence lists its facts on selection; the
// address may name a fact (#fact-<id>) or a character offset (#char-<n>).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var panel = document.getElementById("fact-panel");
  var body = document.getElementById("fact-panel-body");

  function list(mark) {
    var ids = mark.getAttribute("data-facts").split(" ");
    document.getElementById("fact-panel-title").textContent =
      ids.length === 1 ? "1 fact from this text" : ids.length + " facts from this text";
    body.textContent = "";
    var ul = document.createElement("ul");
    ids.forEach(function (id) {
      var info = data.labels[id] || { kind: "fact", label: id };
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fact";
      button.setAttribute("data-fact", id);
      button.textContent = info.kind + ": " + info.label;
      li.appendChild(button);
      ul.appendChild(li);
    });
    body.appendChild(ul);
    panel.hidden = false;
    panel.focus();
  }

  document.getElementById("doc-text").addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-facts]");
    if (mark) list(mark);
  });
  document.getElementById("doc-text").addEventListener("keydown", function (event) {
    var mark = event.target.closest("mark[data-facts]");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      list(mark);
    }
  });

  function select(node) {
    document.querySelectorAll(".doc-text .current").forEach(function (n) { n.classList.remove("current"); });
    node.classList.add("current");
    node.scrollIntoView({ block: "center" });
    if (node.tabIndex < 0) node.setAttribute("tabindex", "-1");
    node.focus({ preventScroll: true });
  }

  function follow() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash.indexOf("fact-") === 0) {
      var id = hash.slice(5);
      var marks = document.querySelectorAll("mark[data-facts]");
      var first = null;
      marks.forEach(function (m) {
        var on = m.getAttribute("data-facts").split(" ").indexOf(id) !== -1;
        m.classList.toggle("target", on);
        if (on && !first) first = m;
      });
      if (first) select(first);
    } else if (hash.indexOf("char-") === 0) {
      var at = parseInt(hash.slice(5), 10);
      var best = null;
      document.querySelectorAll("#doc-text [data-start]").forEach(function (n) {
        if (parseInt(n.getAttribute("data-start"), 10) <= at) best = n;
      });
      if (best) select(best);
    }
  }
  window.addEventListener("hashchange", follow);
  follow();
})();
