// gongwen serve: the folder page and the document page.  Talks only to this server (/api/…), with
// the session token on every request; no other network use.
(function () {
  "use strict";
  var D = JSON.parse(document.body.getAttribute("data-gongwen"));
  var TOKEN = D.token;
  var app = document.getElementById("app");

  // --- helpers ---------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "cls") e.className = attrs[k];
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function api(path, opts) {
    opts = opts || {};
    var headers = {"X-Gongwen-Token": TOKEN};
    if (opts.json !== undefined) headers["Content-Type"] = "application/json";
    Object.assign(headers, opts.headers || {});
    return fetch(path, {method: opts.method || (opts.json !== undefined || opts.body ? "POST" : "GET"), headers: headers,
                        body: opts.json !== undefined ? JSON.stringify(opts.json) : opts.body, credentials: "same-origin"})
      .then(function (r) {
        return r.json().catch(function () { return {error: r.statusText}; }).then(function (data) {
          data._status = r.status;
          return data;
        });
      });
  }
  function download(id, name) { return "/api/download/" + id + "/" + encodeURIComponent(name) + "?t=" + encodeURIComponent(TOKEN); }
  function events(onChange) {
    var source = new EventSource("/api/events?t=" + encodeURIComponent(TOKEN));
    source.addEventListener("change", function (e) { onChange(JSON.parse(e.data).paths); });
    return source;
  }
  function query(name) { return new URLSearchParams(location.search).get(name) || ""; }

  // --- dropping drafts (both pages) ------------------------------------------------------
  function reviewPanel() {
    var panel = el("div", {cls: "review", id: "review", hidden: "hidden"});
    panel.show = function (r) {
      panel.removeAttribute("hidden");
      panel.textContent = "";
      if (r.error) { panel.appendChild(el("p", {cls: "status bad", text: r.error})); return; }
      var links = el("div", {cls: "downloads"}, [el("strong", {text: r.name + "："}),
        el("span", {text: r.findings.length ? r.findings.length + " 个问题" : "没有发现问题"})]);
      (r.files || []).forEach(function (f) {
        links.appendChild(el("a", {href: download(r.id, f.name), download: f.name, cls: "dl-" + f.what,
          text: f.what === "annotated" ? "下载加批注的副本" : "下载修订副本（修订模式）"}));
      });
      var layout = el("button", {cls: "primary", id: "layout", text: "排成标准公文", onclick: function () {
        layout.disabled = true;
        layout.textContent = "正在排版…";
        api("/api/layout/" + r.id + "/" + encodeURIComponent(r.name), {method: "POST"}).then(function (m) {
          layout.textContent = "排成标准公文";
          layout.disabled = false;
          if (m.ok) links.appendChild(el("a", {href: download(m.id, m.files[0]), download: m.files[0], cls: "dl-layout",
                                                text: "下载排好的公文（" + m.files[0] + "）"}));
          else links.appendChild(el("span", {cls: "status bad", text: (m.errors || [m.error]).join("；")}));
          (m.notes || []).forEach(function (n) { links.appendChild(el("span", {cls: "status", text: n})); });
        });
      }});
      links.appendChild(layout);
      panel.appendChild(links);
      var report = el("div");
      report.innerHTML = r.report;  // the linter's own escaped HTML fragment
      panel.appendChild(report);
    };
    return panel;
  }
  function dropZone(panel) {
    var zone = el("div", {cls: "drop", id: "drop"}, [
      el("span", {text: "把草稿（.docx .txt .md）拖到这里检查，或 "}),
    ]);
    var input = el("input", {type: "file", accept: ".docx,.txt,.md", id: "drop-input"});
    zone.appendChild(input);
    function send(file) {
      zone.classList.remove("over");
      panel.show({name: file.name, findings: [], files: [], report: "<p>正在检查 " + file.name.replace(/[<&]/g, "") + "…</p>", id: ""});
      api("/api/draft", {body: file, headers: {"X-File-Name": encodeURIComponent(file.name),
                                               "Content-Type": "application/octet-stream"}})
        .then(function (r) { r.name = r.name || file.name; panel.show(r); });
    }
    input.addEventListener("change", function () { if (input.files[0]) send(input.files[0]); });
    zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer.files[0]) send(e.dataTransfer.files[0]);
    });
    return zone;
  }

  // --- the folder page -------------------------------------------------------------------
  function folderPage() {
    document.title = "gongwen · " + D.folder;
    var status = el("span", {cls: "status", id: "status"});
    var bar = el("div", {cls: "bar"}, [el("h1", {text: "gongwen 公文"}), el("span", {text: "文件夹：" + D.folder}),
      el("span", {cls: "grow"}), status]);
    var kind = el("select", {id: "new-kind"});
    var folderSel = el("select", {id: "new-folder"});
    var name = el("input", {id: "new-name", placeholder: "文件名（可不填）", size: "18"});
    var make = el("button", {cls: "primary", id: "new-make", text: "新建", onclick: function () {
      api("/api/new", {json: {kind: kind.value, folder: folderSel.value, name: name.value}}).then(function (r) {
        if (r.path) location.href = "/doc?path=" + encodeURIComponent(r.path);
        else status.textContent = r.error;
      });
    }});
    var table = el("table", {cls: "files", id: "files"});
    var panel = reviewPanel();
    app.appendChild(bar);
    app.appendChild(el("div", {cls: "wrap"}, [
      el("div", {cls: "new"}, [el("strong", {text: "新建文档："}), kind, el("span", {text: "放在"}), folderSel, name, make]),
      table, dropZone(panel), panel]));
    function load() {
      api("/api/list").then(function (r) {
        if (!kind.options.length) r.kinds.forEach(function (k) { kind.appendChild(el("option", {value: k.kind, text: k.name})); });
        var folders = {"": true};
        r.files.forEach(function (f) { folders[f.folder] = true; });
        var chosen = folderSel.value;
        folderSel.textContent = "";
        Object.keys(folders).sort().forEach(function (f) { folderSel.appendChild(el("option", {value: f, text: f || "（本文件夹）"})); });
        folderSel.value = chosen || "";
        table.textContent = "";
        table.appendChild(el("tr", {}, ["文件", "文种", "标题", "问题"].map(function (h) { return el("th", {text: h}); })));
        var last = null;
        r.files.forEach(function (f) {
          if (f.type === "other") return;
          if (f.folder !== last && f.folder) table.appendChild(el("tr", {cls: "dir"}, [el("td", {colspan: "4", text: f.folder + "/"})]));
          last = f.folder;
          var link = f.type === "content"
            ? el("a", {href: "/doc?path=" + encodeURIComponent(f.path), text: f.name})
            : el("a", {href: "#", text: f.name, onclick: function (e) {
                e.preventDefault();
                api("/api/review", {json: {path: f.path}}).then(function (res) { panel.show(res); panel.scrollIntoView(); });
              }});
          var n = f.findings === null ? "—" : String(f.findings);
          table.appendChild(el("tr", {"data-path": f.path}, [el("td", {}, [link]), el("td", {text: f.kind}),
            el("td", {text: f.title}), el("td", {cls: f.findings ? "countn" : "count0", text: n})]));
        });
        status.textContent = r.files.length + " 个文件";
      });
    }
    load();
    var timer = null;
    events(function () { clearTimeout(timer); timer = setTimeout(load, 200); });
  }

  // --- the document page -----------------------------------------------------------------
  function documentPage() {
    var path = query("path");
    document.title = path + " · gongwen";
    var status = el("span", {cls: "status", id: "status", text: "正在打开…"});
    var saveBtn = el("button", {id: "save", text: "保存", disabled: "disabled"});
    var buildBtn = el("button", {id: "build", text: "生成 .docx"});
    var pdfBtn = el("button", {id: "pdf", text: "生成 PDF"});
    if (!D.pdf) { pdfBtn.disabled = true; pdfBtn.title = "本机没有 LibreOffice"; }
    var links = el("span", {id: "downloads"});
    var bar = el("div", {cls: "bar"}, [el("a", {href: "/", text: "← 文件夹"}), el("h1", {text: path}), saveBtn,
      buildBtn, pdfBtn, links, el("span", {cls: "grow"}), status]);
    var banner = el("div", {cls: "banner", id: "banner"});
    var editorBox = el("div", {id: "editor"});
    var list = el("ul", {cls: "findings", id: "findings"});
    var right = el("div", {cls: "right", id: "preview"});
    var note = el("div", {cls: "error-note", id: "preview-error", hidden: "hidden"});
    var pagesBox = el("div", {id: "pages"});
    right.appendChild(note);
    right.appendChild(pagesBox);
    var panel = reviewPanel();
    app.appendChild(bar);
    app.appendChild(banner);
    app.appendChild(el("div", {cls: "doc"}, [el("div", {cls: "left"}, [editorBox, list]), right]));
    app.appendChild(el("div", {cls: "wrap"}, [dropZone(panel), panel]));
    GongwenPreview.setSpec(document.documentElement, D.spec);

    var state = {version: null, saved: "", seq: 0, shown: 0, editor: null, findings: []};
    window.gongwenTimings = [];
    function dirty() { return state.editor && state.editor.text() !== state.saved; }
    function setStatus(text, bad) { status.textContent = text; status.className = "status" + (bad ? " bad" : ""); }
    function fit() {
      var page = pagesBox.querySelector(".page");
      if (!page) return;
      var zoom = Math.min(1, (right.clientWidth - 40) / page.offsetWidth);
      pagesBox.style.zoom = zoom;
    }
    window.addEventListener("resize", fit);

    function snippet(f) {
      var lines = state.editor.text().split("\n");
      var line = lines[(f.line || 1) - 1] || "";
      var rest = line.slice(Math.max(0, (f.column || 1) - 1)).replace(/^[-\s]*([A-Za-z_]+:)?\s*["']?/, "");
      return rest.slice(0, 6);
    }
    function markPreview() {
      pagesBox.querySelectorAll(".hit").forEach(function (n) { n.classList.remove("hit", "focus"); });
      var paras = pagesBox.querySelectorAll(".p");
      state.findings.forEach(function (f, i) {
        var s = snippet(f);
        if (!s) return;
        for (var j = 0; j < paras.length; j++) {
          if (paras[j].textContent.indexOf(s) >= 0) {
            paras[j].classList.add("hit");
            paras[j].setAttribute("data-finding", String(i));
            f.node = paras[j];
            break;
          }
        }
      });
    }
    function showFindings(findings) {
      state.findings = findings;
      list.textContent = "";
      if (!findings.length) list.appendChild(el("li", {cls: "none", text: "没有发现问题"}));
      findings.forEach(function (f, i) {
        list.appendChild(el("li", {cls: f.severity, "data-code": f.code, onclick: function () {
          list.querySelectorAll("li.on").forEach(function (n) { n.classList.remove("on"); });
          this.classList.add("on");
          state.editor.goto(f.line, f.column);
          if (f.node) {
            pagesBox.querySelectorAll(".focus").forEach(function (n) { n.classList.remove("focus"); });
            f.node.classList.add("focus");
            f.node.scrollIntoView({block: "center"});
          }
        }}, [el("span", {cls: "code", text: f.code}), el("span", {text: f.line + ":" + f.column + " " + f.message})]));
      });
      state.editor.mark(findings);
    }
    var timer = null;
    function check(started) {
      var seq = ++state.seq;
      var text = state.editor.text();
      api("/api/check", {json: {path: path, text: text}}).then(function (r) {
        if (seq !== state.seq) return;  // a newer keystroke is on its way
        if (r.error && !r.pages) { setStatus(r.error, true); return; }
        if (r.error) { note.textContent = "无法排版：" + r.error; note.removeAttribute("hidden"); }
        else note.setAttribute("hidden", "hidden");
        if (r.pages.length) GongwenPreview.render(pagesBox, r, D.spec);
        showFindings(r.findings);
        markPreview();
        fit();
        state.shown = seq;
        document.body.setAttribute("data-shown", String(seq));
        if (started) window.gongwenTimings.push(performance.now() - started);
      });
    }
    function changed() {
      var started = performance.now();
      saveBtn.disabled = !dirty();
      setStatus(dirty() ? "未保存" : "已保存");
      clearTimeout(timer);
      timer = setTimeout(function () { check(started); }, 60);
    }
    function save(force) {
      var text = state.editor.text();
      return api("/api/file", {method: "PUT", json: {path: path, text: text, version: state.version}}).then(function (r) {
        if (r._status === 409) { conflict(r); return; }
        if (r.error) { setStatus(r.error, true); return; }
        state.version = r.version;
        state.saved = text;
        saveBtn.disabled = !dirty();
        setStatus("已保存");
      });
    }
    function conflict(r) {
      banner.textContent = "";
      banner.classList.add("on");
      banner.appendChild(el("span", {text: r.error + "。"}));
      banner.appendChild(el("button", {id: "take-disk", text: "改用磁盘上的版本（你的文字复制到剪贴板）", onclick: function () {
        if (navigator.clipboard) navigator.clipboard.writeText(r.your_text).catch(function () {});
        load(r.disk_text, r.disk_version);
        banner.classList.remove("on");
      }}));
      banner.appendChild(el("button", {id: "keep-mine", text: "用我的版本覆盖", onclick: function () {
        state.version = r.disk_version;
        banner.classList.remove("on");
        save();
      }}));
      setStatus("保存冲突", true);
    }
    function load(text, version) {
      state.version = version;
      state.saved = text;
      state.editor.setText(text);
      saveBtn.disabled = true;
      setStatus("已保存");
    }
    function build(pdf) {
      var btn = pdf ? pdfBtn : buildBtn;
      btn.disabled = true;
      setStatus(pdf ? "正在生成 PDF…" : "正在生成 .docx…");
      (dirty() ? save() : Promise.resolve()).then(function () {
        return api("/api/build", {json: {path: path, pdf: pdf}});
      }).then(function (r) {
        btn.disabled = pdf && !D.pdf;
        if (!r.ok) { setStatus((r.errors || [r.error]).join("；"), true); return; }
        links.textContent = "";
        r.files.forEach(function (f) { links.appendChild(el("a", {href: download(r.id, f), download: f, id: "dl-docx", text: "下载 " + f})); });
        if (r.pdf) links.appendChild(el("a", {href: download(r.id, r.pdf), download: r.pdf, id: "dl-pdf", text: " 下载 " + r.pdf}));
        setStatus(r.pdf_error || "已生成", !!r.pdf_error);
      });
    }
    saveBtn.addEventListener("click", function () { save(); });
    buildBtn.addEventListener("click", function () { build(false); });
    pdfBtn.addEventListener("click", function () { build(true); });
    document.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
    });
    window.addEventListener("beforeunload", function (e) { if (dirty()) { e.preventDefault(); e.returnValue = ""; } });

    Promise.all([api("/api/file?path=" + encodeURIComponent(path)), api("/api/schema")]).then(function (rs) {
      var file = rs[0], schema = rs[1];
      if (file.error) { setStatus(file.error, true); return; }
      state.editor = GongwenEditor.create(editorBox, {doc: file.text, schema: schema, onChange: changed});
      window.gongwenEditor = state.editor;  // for the browser tests and the console
      state.version = file.version;
      state.saved = file.text;
      setStatus("已打开");
      check(0);
      events(function (paths) {
        if (paths.indexOf(path) < 0) return;
        api("/api/file?path=" + encodeURIComponent(path)).then(function (f) {
          if (f.error || f.version === state.version) return;
          if (!dirty()) {
            load(f.text, f.version);
            setStatus("已载入磁盘上的新版本");
          } else {
            banner.textContent = "";
            banner.classList.add("on");
            banner.appendChild(el("span", {text: "磁盘上的文件已被其他程序修改；你这里有未保存的改动。"}));
            banner.appendChild(el("button", {text: "载入磁盘上的版本", onclick: function () { load(f.text, f.version); banner.classList.remove("on"); }}));
            banner.appendChild(el("button", {text: "保留我的改动", onclick: function () { banner.classList.remove("on"); }}));
          }
        });
      });
    });
  }

  if (D.page === "document") documentPage(); else folderPage();
})();
