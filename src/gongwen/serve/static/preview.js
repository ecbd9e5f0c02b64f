// gongwen serve: the preview of the pages.  The server lays the content out and puts it on pages
// (gongwen.serve.preview); this draws them: A4 at true size in mm, type from the GB/T 9704 numbers.
var GongwenPreview = (function () {
  "use strict";
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  function setSpec(root, s) {
    var m = s.margins_mm;
    root.style.setProperty("--page-w", s.page_w_mm + "mm");
    root.style.setProperty("--page-h", s.page_h_mm + "mm");
    root.style.setProperty("--m-top", m.top + "mm"); root.style.setProperty("--m-bottom", m.bottom + "mm");
    root.style.setProperty("--m-left", m.left + "mm"); root.style.setProperty("--m-right", m.right + "mm");
    root.style.setProperty("--body-pt", s.body_pt + "pt"); root.style.setProperty("--line-pt", s.line_pt + "pt");
    root.style.setProperty("--spacing-pt", s.spacing_pt + "pt"); root.style.setProperty("--red", s.red);
  }
  var FLOATING = {record: 1, printed: 1, recordline: 1};
  function paragraph(p, spec) {
    if (p.k === "table") {
      var t = el("table", {cls: "gw-table p k-table"});
      p.cells.forEach(function (row, i) {
        var tr = el("tr");
        row.forEach(function (c, j) {
          var cell = el(i < p.head ? "th" : "td", {text: c});
          cell.style.textAlign = i < p.head ? "center" : (p.colalign[j] || "left");
          if (p.widths[j]) cell.style.width = (p.widths[j] / 20) + "pt";
          tr.appendChild(cell);
        });
        t.appendChild(tr);
      });
      return t;
    }
    var d = el("div", {cls: "p k-" + p.k});
    var tabbed = false;
    p.runs.forEach(function (r) {
      if (r.text === "\t") { tabbed = true; return; }
      d.appendChild(el("span", {cls: "f-" + r.role, text: r.text}));
    });
    if (tabbed) d.classList.add("tabbed");
    if (p.align) d.style.textAlign = p.align;
    if (p.size && p.size !== spec.body_pt) d.style.fontSize = p.size + "pt";
    if (p.line) { d.style.lineHeight = p.line + "pt"; if (!p.runs.length) d.style.height = p.line + "pt"; }
    if (p.hanging) { d.style.paddingLeft = (p.left || 0) + "pt"; d.style.textIndent = -p.hanging + "pt"; }
    else {
      if (p.indent) d.style.textIndent = p.indent + "pt";
      if (p.left) d.style.paddingLeft = p.left + "pt";
    }
    if (p.right) d.style.paddingRight = p.right + "pt";
    if (p.color) d.style.color = p.color;
    if (!p.runs.length && !p.line) d.style.height = "0";
    return d;
  }
  function render(box, data, spec) {
    var frag = document.createDocumentFragment();
    data.pages.forEach(function (paras, i) {
      var page = el("div", {cls: "page", "data-page": String(i + 1)});
      var flow = el("div", {cls: "flow"});
      var foot = el("div", {cls: "foot"});
      paras.forEach(function (p) {
        var node = paragraph(p, spec);
        if (p.k === "recordline") { (foot.childNodes.length ? foot : foot).appendChild(node); }
        else if (FLOATING[p.k]) foot.appendChild(node);
        else flow.appendChild(node);
      });
      if (foot.childNodes.length) {
        var lines = foot.querySelectorAll(".k-recordline");
        if (lines.length) lines[0].classList.add("thick");
        if (lines.length > 1) lines[lines.length - 1].classList.add("thick");
        // the 版记 lines between its items: first line, items, last line
        var items = Array.prototype.filter.call(foot.childNodes, function (n) { return !n.classList.contains("k-recordline"); });
        foot.textContent = "";
        if (lines[0]) foot.appendChild(lines[0]);
        items.forEach(function (n, j) {
          foot.appendChild(n);
          if (j < items.length - 1 && lines.length > 2) foot.appendChild(lines[1 + Math.min(j, lines.length - 3)]);
        });
        if (lines.length > 1) foot.appendChild(lines[lines.length - 1]);
        flow.appendChild(foot);
      }
      page.appendChild(flow);
      page.appendChild(el("div", {cls: "folio " + ((i + 1) % 2 ? "odd" : "even"), text: "— " + (i + 1) + " —"}));
      frag.appendChild(page);
    });
    box.textContent = "";
    box.appendChild(frag);
  }

  return {setSpec: setSpec, render: render};
})();
