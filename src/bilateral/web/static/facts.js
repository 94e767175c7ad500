// The source panel: any element with data-fact="<id>" shows that fact's evidence
// sentence, highlighted in the text around it, fetched from /api/facts/<id>.
(function () {
  "use strict";
  var panel = document.getElementById("fact-panel");
  var body = document.getElementById("fact-panel-body");
  var title = document.getElementById("fact-panel-title");
  var opener = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  var SKIP = { kind: 1, id: 1, source: 1, source_path: 1, evidence: 1, extractor: 1,
    confidence: 1, dyad: 1, links: 1, document: 1 };

  function describe(fact) {
    var rows = [];
    Object.keys(fact).forEach(function (k) {
      var v = fact[k];
      if (SKIP[k] || v === null || v === "" || (Array.isArray(v) && !v.length)) return;
      rows.push(el("dt", {}, [k.replace(/_/g, " ")]));
      rows.push(el("dd", {}, [Array.isArray(v) ? v.join(", ") : String(v)]));
    });
    return el("dl", { "class": "fact-fields" }, rows);
  }

  function evidenceBlock(fact, ev) {
    var ctx = ev.context;
    var before = ctx.text.slice(0, ev.start - ctx.start);
    var inner = ctx.text.slice(ev.start - ctx.start, ev.end - ctx.start);
    var after = ctx.text.slice(ev.end - ctx.start);
    var quote = el("blockquote", { "class": "evidence-context" }, [
      (ctx.start > 0 ? "… " : "") + before,
      el("mark", { "class": "evidence-sentence" }, [inner]),
      after + " …"
    ]);
    var link = el("a", { href: "/documents/" + fact.source + "#fact-" + fact.id }, [
      "Open in the document (characters " + ev.start + "–" + ev.end + ")"
    ]);
    return el("div", { "class": "evidence" }, [quote, el("p", {}, [link])]);
  }

  function show(id, from) {
    opener = from || null;
    panel.hidden = false;
    title.textContent = "Loading…";
    body.textContent = "";
    document.querySelectorAll("[data-fact].selected").forEach(function (n) { n.classList.remove("selected"); });
    document.querySelectorAll('[data-fact="' + id + '"]').forEach(function (n) { n.classList.add("selected"); });
    fetch("/api/facts/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (fact) {
        title.textContent = fact.kind.charAt(0).toUpperCase() + fact.kind.slice(1) + " · source";
        body.textContent = "";
        body.appendChild(describe(fact));
        fact.evidence.forEach(function (ev) { body.appendChild(evidenceBlock(fact, ev)); });
        var doc = fact.document || {};
        body.appendChild(el("p", { "class": "muted" }, [
          "From " + (doc.title || fact.source_path) + " · extractor " + fact.extractor +
          " · confidence " + fact.confidence
        ]));
        panel.focus();
      })
      .catch(function (err) {
        title.textContent = "Source unavailable";
        body.textContent = "Could not load this fact (" + err.message + ").";
      });
  }

  function hide() {
    panel.hidden = true;
    if (opener && opener.focus) opener.focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-fact]") : null;
    if (target) {
      event.preventDefault();
      show(target.getAttribute("data-fact"), target);
      return;
    }
    if (event.target.closest && event.target.closest("[data-close-panel]")) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) hide();
  });

  window.bilateralShowFact = show;
})();
