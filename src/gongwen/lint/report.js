// gongwen lint --format html: click a finding to mark its text, a mark to find its finding,
// 规则说明 to read the rule in a dialog.  Loads nothing; the page works without it (links jump).
(function () {
  "use strict";
  var lit = [];
  function clear() { lit.forEach(function (e) { e.classList.remove("gw-active"); }); lit = []; }
  function light(fid, scrollTo) {
    clear();
    var item = document.getElementById(fid);
    var anchor = document.getElementById("m" + fid.slice(1));
    document.querySelectorAll('mark[data-f~="' + fid + '"]').forEach(function (m) {
      m.classList.add("gw-active"); lit.push(m);
    });
    if (item) { item.classList.add("gw-active"); lit.push(item); }
    var target = scrollTo === "item" ? item : (anchor && anchor.nextElementSibling) || anchor;
    if (item && scrollTo !== "item") { item.scrollIntoView({block: "nearest"}); }
    if (target) { target.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    if (t.closest(".gw-close")) { t.closest("dialog").close(); return; }
    var why = t.closest("a.gw-why");
    if (why) {
      var rule = document.getElementById("rule-" + why.getAttribute("data-rule"));
      var dialog = document.getElementById("gw-dialog");
      if (rule && dialog && typeof dialog.showModal === "function") {
        ev.preventDefault();
        var body = dialog.querySelector(".gw-dialog-body");
        var head = document.createElement("h3");
        head.textContent = rule.querySelector("summary").textContent;
        body.replaceChildren(head, rule.querySelector("dl").cloneNode(true));
        dialog.showModal();
      }
      return;
    }
    var go = t.closest("a.gw-go");
    if (go) {
      ev.preventDefault();
      var fid = go.parentElement.id;
      light(fid, "text");
      if (history.replaceState) { history.replaceState(null, "", "#" + fid); }
      return;
    }
    var mark = t.closest("mark[data-f]");
    if (mark) { light(mark.getAttribute("data-f").split(" ")[0], "item"); }
  });
  if (/^#f[0-9]+-[0-9]+$/.test(location.hash)) { light(location.hash.slice(1), "text"); }
})();
