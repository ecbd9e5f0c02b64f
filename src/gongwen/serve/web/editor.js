// The editor of `gongwen serve`: CodeMirror 6 with YAML, completion of keys and kinds from gongwen's
// JSON Schema, and findings shown as diagnostics.  Bundled by `npm run build` into ../static/editor.js.
import {EditorView, basicSetup} from "codemirror";
import {EditorState} from "@codemirror/state";
import {yaml} from "@codemirror/lang-yaml";
import {autocompletion} from "@codemirror/autocomplete";
import {setDiagnostics, lintGutter} from "@codemirror/lint";

// --- the schema: the node a YAML path leads to -------------------------------------------------
function resolve(schema, node) {
  for (let i = 0; node && node.$ref && i < 20; i++) {
    node = schema.definitions[node.$ref.split("/").pop()];
  }
  return node;
}

function objectsOf(schema, node) {
  // every object schema a value may be (through anyOf and array items)
  node = resolve(schema, node);
  if (!node) return [];
  if (node.anyOf) return node.anyOf.flatMap((n) => objectsOf(schema, n));
  if (node.type === "object") return [node];
  return [];
}

function arrayItems(schema, node) {
  node = resolve(schema, node);
  if (!node) return [];
  if (node.anyOf) return node.anyOf.flatMap((n) => arrayItems(schema, n));
  if (node.type === "array") return [node.items];
  return [];
}

// Path of keys (and "-" for list entries) that the line at `pos` sits in, by indentation.
function pathAt(doc, pos) {
  const line = doc.lineAt(pos);
  const text = line.text.slice(0, pos - line.from);
  let indent = text.match(/^ */)[0].length;
  let m = text.match(/^( *)(- +)+/);
  const path = [];
  if (m) {  // "- key" on this line: inside a list entry
    indent = m[0].length;
    const dashes = (m[0].match(/-/g) || []).length;
    for (let i = 0; i < dashes; i++) path.unshift("-");
  }
  for (let n = line.number - 1; n >= 1 && indent > 0; n--) {
    const t = doc.line(n).text;
    if (!t.trim() || t.trim().startsWith("#")) continue;
    const ind = t.match(/^ */)[0].length;
    if (ind >= indent) continue;
    const lm = t.match(/^( *)((?:- +)*)([^\s:#][^:#]*?)\s*:(\s|$)/);
    const dm = t.match(/^( *)((?:- +)+)/);
    if (lm) {
      const keyCol = lm[1].length + lm[2].length;
      if (keyCol < indent) {
        path.unshift(lm[3]);
        const dashes = (lm[2].match(/-/g) || []).length;
        for (let i = 0; i < dashes; i++) path.unshift("-");
        indent = ind;
      } else {
        // a key of the same list entry ("- heading: …" then "  paragraphs:"): same mapping
        const dashes = (lm[2].match(/-/g) || []).length;
        for (let i = 0; i < dashes; i++) path.unshift("-");
        indent = ind;
      }
    } else if (dm) {
      path.unshift("-");
      indent = ind;
    }
  }
  return path;
}

function objectsAtPath(schema, path) {
  let nodes = [schema];
  for (const step of path) {
    if (step === "-") nodes = nodes.flatMap((n) => arrayItems(schema, n));
    else nodes = nodes.flatMap((n) => objectsOf(schema, n)).map((o) => (o.properties || {})[step]).filter(Boolean);
  }
  return nodes;
}

function completer(schema) {
  return (context) => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const valueMatch = before.match(/^( *)((?:- +)*)([^\s:#][^:#]*?):\s*(\S*)$/);
    if (valueMatch) {  // a value: kinds, series styles, booleans
      const path = pathAt(context.state.doc, line.from + valueMatch[1].length + valueMatch[2].length);
      const props = objectsAtPath(schema, path).flatMap((n) => objectsOf(schema, n))
        .map((o) => (o.properties || {})[valueMatch[3]]).filter(Boolean);
      const options = [];
      for (const p of props) {
        const r = resolve(schema, p);
        for (const v of r.enum || []) options.push({label: String(v), type: "enum", info: p.description});
        for (const alt of r.anyOf || []) {
          if (alt.const !== undefined) options.push({label: String(alt.const), type: "enum"});
          if (alt.type === "boolean") options.push({label: "true", type: "keyword"}, {label: "false", type: "keyword"});
        }
        if (r.type === "boolean") options.push({label: "true", type: "keyword"}, {label: "false", type: "keyword"});
      }
      if (!options.length) return null;
      return {from: context.pos - valueMatch[4].length, options, validFor: /^[^\s:]*$/};
    }
    const keyMatch = before.match(/^( *)((?:- +)*)([A-Za-z_]*)$/);
    if (!keyMatch || (!context.explicit && !keyMatch[3] && !keyMatch[2])) return null;
    const path = pathAt(context.state.doc, context.pos);
    const seen = new Set();
    const options = [];
    for (const o of objectsAtPath(schema, path).flatMap((n) => objectsOf(schema, n))) {
      for (const [key, p] of Object.entries(o.properties || {})) {
        if (seen.has(key)) continue;
        seen.add(key);
        options.push({label: key, type: "property", detail: (p.description || "").split("：")[0],
                      info: p.description, apply: key + ": "});
      }
    }
    if (!options.length) return null;
    return {from: context.pos - keyMatch[3].length, options, validFor: /^[A-Za-z_]*$/};
  };
}

// --- the editor ----------------------------------------------------------------------------
export function create(parent, {doc = "", schema = {}, onChange = () => {}} = {}) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup, yaml(), lintGutter(), EditorView.lineWrapping,
        autocompletion({override: [completer(schema)]}),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u); }),
      ],
    }),
  });
  const api = {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}});
    },
    offset(line, col) {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(1, line || 1), doc.lines));
      return Math.min(l.from + Math.max(0, (col || 1) - 1), l.to);
    },
    // findings: [{line, column, severity, message, code}]
    mark(findings) {
      const diagnostics = findings.map((f) => {
        const from = api.offset(f.line, f.column);
        const line = view.state.doc.lineAt(from);
        const to = from < line.to ? Math.min(line.to, from + Math.max(1, f.length || 1)) : from;
        const severity = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "info";
        return {from, to, severity, message: `${f.code} ${f.message}`};
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goto(line, col) {
      const at = api.offset(line, col);
      view.dispatch({selection: {anchor: at}, effects: EditorView.scrollIntoView(at, {y: "center"})});
      view.focus();
    },
  };
  return api;
}
export {pathAt};
