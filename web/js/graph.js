// The neighbourhood graph of one entity, drawn with Cytoscape.js (vendored in web/vendor/).
// Zoom, pan and drag come with the library; nodes are coloured and shaped by label (the legend
// doubles as the label filter); edge types filter the request; each label keeps at most CAP
// nodes per anchor with a "+N" node that expands; click opens a node, double-click expands it.
import cytoscape from "../vendor/cytoscape.esm.min.js";
import { EDGE_NAMES, LABEL_NAMES, api, el, entityHref } from "./lib.js";

export const CAP = 8;
export const STYLE = {
  Region: { color: "#2563eb", shape: "ellipse" },
  Organization: { color: "#7c3aed", shape: "round-rectangle" },
  Hospital: { color: "#059669", shape: "rectangle" },
  Official: { color: "#d97706", shape: "triangle" },
  Program: { color: "#db2777", shape: "hexagon" },
  Target: { color: "#b4232a", shape: "diamond" },
  Document: { color: "#6b7280", shape: "tag" },
};
const SWATCH = {
  ellipse: '<circle cx="8" cy="8" r="6"/>',
  "round-rectangle": '<rect x="2" y="3" width="12" height="10" rx="3"/>',
  rectangle: '<rect x="2" y="3" width="12" height="10"/>',
  triangle: '<polygon points="8,2 14,14 2,14"/>',
  hexagon: '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"/>',
  diamond: '<polygon points="8,1 15,8 8,15 1,8"/>',
  tag: '<polygon points="2,3 11,3 15,8 11,13 2,13"/>',
};

function swatch(label) {
  const style = STYLE[label] || { color: "#999", shape: "ellipse" };
  const span = el("span", { className: "swatch", "aria-hidden": "true" });
  span.innerHTML = `<svg width="16" height="16" viewBox="0 0 16 16" fill="${style.color}">${SWATCH[style.shape]}</svg>`;
  return span;
}

const CY_STYLE = [
  { selector: "node", style: {
    label: "data(name)", "font-size": 13, "font-family": '"Noto Sans CJK SC", "Noto Sans SC", sans-serif',
    "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 120,
    "background-color": "data(color)", shape: "data(shape)", width: 18, height: 18, color: "#1f2937",
    "text-background-color": "#fff", "text-background-opacity": 0.75, "text-background-padding": 1 } },
  { selector: "node.center", style: { width: 28, height: 28, "font-weight": "bold", "font-size": 13, "border-width": 3, "border-color": "#111" } },
  { selector: "node.more", style: { "background-color": "#f3f4f6", "border-width": 2, "border-style": "dashed", "border-color": "data(color)",
    shape: "round-rectangle", width: 70, height: 22, label: "data(name)", "text-valign": "center", "text-margin-y": 0, "font-weight": "bold" } },
  { selector: "edge", style: { width: 1.2, "line-color": "#9ca3af", "curve-style": "bezier", "target-arrow-shape": "triangle",
    "target-arrow-color": "#9ca3af", "arrow-scale": 0.7 } },
  { selector: "edge.more", style: { "line-style": "dashed", "target-arrow-shape": "none" } },
  { selector: "edge.PARTNERS_WITH", style: { "line-color": "#059669", "target-arrow-color": "#059669" } },
  { selector: "edge.SETS_TARGET", style: { "line-color": "#e5a3a6", "target-arrow-color": "#e5a3a6" } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#f59e0b" } },
];

/**
 * Which nodes to draw: every node hangs from an anchor (the centre, or the node whose
 * double-click brought it in); per anchor and label the best-quoted CAP nodes are kept and the
 * rest become one "+N" node, unless that group was expanded.
 */
// One collator for all comparisons: localeCompare(…, "zh") builds a new one per call (seconds for 100 names).
const byName = new Intl.Collator("zh").compare;

export function selectVisible(state) {
  const weight = new Map();
  for (const edge of state.edges.values()) {
    for (const end of [edge.source, edge.target]) weight.set(end, (weight.get(end) || 0) + edge.quotes);
  }
  const groups = new Map();
  for (const node of state.nodes.values()) {
    if (node.id === state.center || state.hidden.has(node.label)) continue;
    const key = `${node.anchor}|${node.label}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(node);
  }
  const kept = new Set([state.center]);
  const more = [];
  for (const [key, members] of groups) {
    members.sort((a, b) => (weight.get(b.id) || 0) - (weight.get(a.id) || 0) || byName(a.name, b.name));
    const limit = state.expanded.has(key) ? members.length : state.cap;
    members.slice(0, limit).forEach((node) => kept.add(node.id));
    if (members.length > limit) {
      const [anchor, label] = key.split("|");
      more.push({ key, anchor, label, count: members.length - limit });
    }
  }
  for (const group of more) kept.add(group.anchor);
  let edges = [...state.edges.values()].filter((edge) => kept.has(edge.source) && kept.has(edge.target));
  // A node whose only links went through capped nodes would float unattached: it joins its "+N".
  const linked = new Set([state.center, ...more.map((group) => group.anchor)]);
  for (const edge of edges) { linked.add(edge.source); linked.add(edge.target); }
  for (const id of [...kept]) {
    const node = state.nodes.get(id);
    const key = `${node.anchor}|${node.label}`;
    if (linked.has(id) || state.expanded.has(key)) continue;
    kept.delete(id);
    const group = more.find((g) => g.key === key);
    if (group) group.count += 1;
    else more.push({ key, anchor: node.anchor, label: node.label, count: 1 });
  }
  edges = edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target));
  return { kept, edges, more };
}

function elements(state, visible) {
  const nodes = [...visible.kept].map((id) => {
    const node = state.nodes.get(id);
    const style = STYLE[node.label] || { color: "#999", shape: "ellipse" };
    return { group: "nodes", classes: id === state.center ? "center" : "",
      data: { id, name: node.name, label: node.label, color: style.color, shape: style.shape } };
  });
  for (const group of visible.more) {
    const style = STYLE[group.label] || { color: "#999" };
    const id = `more|${group.key}`;
    nodes.push({ group: "nodes", classes: "more",
      data: { id, name: `+${group.count} ${LABEL_NAMES[group.label] || group.label}`, label: group.label, color: style.color, key: group.key,
        title: `还有 ${group.count} 个${LABEL_NAMES[group.label] || group.label}，点击展开` } });
  }
  const edges = visible.edges.map((edge) => ({ group: "edges", classes: edge.type,
    data: { id: `${edge.source}|${edge.type}|${edge.target}`, source: edge.source, target: edge.target, type: edge.type } }));
  for (const group of visible.more) {
    edges.push({ group: "edges", classes: "more", data: { id: `e|more|${group.key}`, source: group.anchor, target: `more|${group.key}` } });
  }
  return [...nodes, ...edges];
}

function merge(state, body, anchor) {
  for (const node of body.nodes) {
    if (!state.nodes.has(node.id)) state.nodes.set(node.id, { ...node, anchor });
  }
  for (const edge of body.edges) state.edges.set(`${edge.source}|${edge.type}|${edge.target}`, edge);
}

/**
 * The graph panel. `options`: center id, depth, types (array or null), hidden and expanded label
 * lists, and onChange(params) to write the state into the URL.
 */
export function graphPanel(options) {
  const state = {
    center: options.center, depth: options.depth, cap: CAP,
    types: options.types, hidden: new Set(options.hidden), expanded: new Set(options.expanded.map((label) => `${options.center}|${label}`)),
    nodes: new Map(), edges: new Map(), truncated: false, hubs: [],
  };
  // The centre's edges per type (the entity view's counts), shown beside the type filter.
  const typeTotals = new Map();
  for (const group of options.edgeCounts || []) typeTotals.set(group.type, (typeTotals.get(group.type) || 0) + group.total);
  const canvas = el("div", { className: "graph-canvas", id: "graph", role: "img", "aria-label": "邻近关系图" });
  const status = el("p", { className: "muted graph-status", id: "graph-status", role: "status" }, "正在加载关系图…");
  const keyboard = el("div", { className: "graph-keyboard", id: "graph-keyboard" });
  const legend = el("fieldset", { className: "legend", id: "graph-legend" }, el("legend", {}, "类型（颜色与形状；取消勾选以隐藏）"));
  const edgeFilter = el("fieldset", { className: "edge-filter", id: "graph-edge-types" }, el("legend", {}, "关系类型"));
  const depth = el("select", { id: "graph-depth", "aria-label": "深度" }, [1, 2, 3].map((n) => el("option", { value: n, selected: n === state.depth }, `${n} 层`)));
  let cy = null;

  const report = () => options.onChange({
    depth: state.depth === 1 ? "" : state.depth,
    types: state.types ? state.types.join(",") : "",
    hide: [...state.hidden].join(","),
    expand: [...state.expanded].filter((key) => key.startsWith(`${state.center}|`)).map((key) => key.split("|")[1]).join(","),
  });

  function draw() {
    const visible = selectVisible(state);
    const items = elements(state, visible);
    if (!cy) {
      cy = cytoscape({ container: canvas, elements: items, style: CY_STYLE, minZoom: 0.2, maxZoom: 4 });
      canvas.cy = cy; // for tests and the browser console
      bind();
    } else {
      cy.elements().remove();
      cy.add(items);
    }
    // A star in two rings (alternate neighbours inner and outer) keeps the drawing compact enough
    // for readable labels; the "+N" nodes sit on the outer ring.
    const order = new Map(cy.nodes().map((node, i) => [node.id(), i]));
    const ring = (node) => (node.hasClass("center") ? 3 : node.hasClass("more") ? 0 : order.get(node.id()) % 2);
    const star = state.depth === 1 && ![...state.nodes.values()].some((node) => node.anchor !== state.center);
    const layout = star
      ? { name: "concentric", concentric: ring, levelWidth: () => 1, minNodeSpacing: 6, animate: false }
      : { name: "cose", animate: false, nodeRepulsion: () => 80000, idealEdgeLength: () => 90, nodeOverlap: 40, gravity: 0.3, numIter: 1500, randomize: true };
    cy.layout(layout).run();
    cy.fit(undefined, 20);
    const counts = new Map();
    for (const node of state.nodes.values()) {
      if (node.id !== state.center) counts.set(node.label, (counts.get(node.label) || 0) + 1);
    }
    const shown = new Map();
    for (const id of visible.kept) {
      const node = state.nodes.get(id);
      if (id !== state.center) shown.set(node.label, (shown.get(node.label) || 0) + 1);
    }
    const parts = [...counts].map(([label, total]) => `${LABEL_NAMES[label] || label} ${shown.get(label) || 0}/${total}`);
    status.textContent = `显示 ${visible.kept.size} 个节点、${visible.edges.length} 条关系（${parts.join("，")}）。单击打开，双击展开，“+N”展开其余。${state.truncated ? "关系过多，只取了前 300 条。" : ""}${hubNote()}`;
    canvas.setAttribute("aria-label", `邻近关系图：${status.textContent}`);
    drawLegend(counts);
    drawKeyboardControls(visible);
  }

  // Busy nodes (a province) are drawn but not walked through: say so, and which.
  function hubNote() {
    const names = state.hubs.map((id) => (state.nodes.get(id) || { name: id }).name);
    return names.length ? `${names.join("、")} 关系过多，未继续展开（双击可单独展开）。` : "";
  }

  // What a click on "+N" or a double-click on a node does, as buttons and a list for the keyboard.
  function drawKeyboardControls(visible) {
    const buttons = visible.more.map((group) => el("button", { type: "button", className: "expand-more", "data-key": group.key,
      onclick: () => { state.expanded.add(group.key); report(); draw(); } },
      `展开其余 ${group.count} 个${LABEL_NAMES[group.label] || group.label}${group.anchor === state.center ? "" : `（${state.nodes.get(group.anchor).name}）`}`));
    const choices = [...visible.kept].filter((id) => id !== state.center).map((id) => state.nodes.get(id))
      .map((node) => el("option", { value: node.id }, `${node.name}（${LABEL_NAMES[node.label] || node.label}）`));
    const select = el("select", { "aria-label": "要展开邻居的节点" }, choices);
    const expand = el("button", { type: "button", onclick: () => select.value && expandNode(select.value, state.nodes.get(select.value).name) }, "展开其邻居");
    keyboard.replaceChildren(...buttons, choices.length ? el("span", { className: "expand-node" }, select, " ", expand) : "");
  }

  async function expandNode(id, name) {
    status.textContent = `正在展开 ${name}…`;
    try {
      const body = await api(`/api/entities/${encodeURIComponent(id)}/neighbors`, { depth: 1, types: state.types ? state.types.join(",") : "" });
      merge(state, body, id);
      draw();
    } catch (error) {
      status.textContent = `展开失败：${error.message}`;
    }
  }

  function drawLegend(counts) {
    legend.replaceChildren(legend.firstChild);
    for (const label of Object.keys(STYLE)) {
      if (!counts.has(label) && !state.hidden.has(label)) continue;
      const box = el("input", { type: "checkbox", value: label, checked: !state.hidden.has(label) });
      box.addEventListener("change", () => {
        if (box.checked) state.hidden.delete(label); else state.hidden.add(label);
        report();
        draw();
      });
      legend.append(el("label", { className: "legend-item" }, box, swatch(label), ` ${LABEL_NAMES[label] || label} (${counts.get(label) || 0})`));
    }
  }

  function bind() {
    let pending = null;
    cy.on("tap", "node", (event) => {
      const node = event.target;
      if (node.hasClass("more")) {
        state.expanded.add(node.data("key"));
        report();
        draw();
        return;
      }
      if (node.hasClass("center")) return;
      clearTimeout(pending);
      pending = setTimeout(() => { window.location.hash = entityHref(node.id()); }, 280);
    });
    cy.on("dbltap", "node", async (event) => {
      clearTimeout(pending);
      const node = event.target;
      if (node.hasClass("more") || node.hasClass("center")) return;
      await expandNode(node.id(), node.data("name"));
    });
    cy.on("mouseover", "node", (event) => { canvas.title = event.target.data("title") || event.target.data("name"); });
  }

  async function load() {
    status.textContent = "正在加载关系图…";
    try {
      const body = await api(`/api/entities/${encodeURIComponent(state.center)}/neighbors`, { depth: state.depth, types: state.types ? state.types.join(",") : "" });
      state.nodes = new Map();
      state.edges = new Map();
      state.truncated = body.truncated;
      state.hubs = body.hubs || [];
      merge(state, body, state.center);
      draw();
    } catch (error) {
      status.textContent = `关系图加载失败：${error.message}`;
      status.setAttribute("role", "alert");
    }
  }

  for (const type of Object.keys(EDGE_NAMES)) {
    const box = el("input", { type: "checkbox", value: type, checked: !state.types || state.types.includes(type) });
    box.addEventListener("change", () => {
      const checked = [...edgeFilter.querySelectorAll("input:checked")].map((input) => input.value);
      state.types = checked.length === Object.keys(EDGE_NAMES).length ? null : checked;
      report();
      if (checked.length) load(); else { state.nodes = new Map([[state.center, state.nodes.get(state.center)]]); state.edges = new Map(); draw(); }
    });
    const total = typeTotals.get(type);
    edgeFilter.append(el("label", { className: "legend-item" }, box, ` ${EDGE_NAMES[type]}${total ? ` (${total})` : ""}`));
  }
  depth.addEventListener("change", () => { state.depth = Number(depth.value); report(); load(); });
  const zoom = (factor) => cy && cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } });
  const tools = el("div", { className: "graph-tools" },
    el("label", {}, "深度 ", depth),
    el("button", { type: "button", onclick: () => zoom(1.25), "aria-label": "放大" }, "＋"),
    el("button", { type: "button", onclick: () => zoom(0.8), "aria-label": "缩小" }, "－"),
    el("button", { type: "button", onclick: () => cy && cy.fit(undefined, 20) }, "适应窗口"));
  const panel = el("div", { className: "graph-panel" }, tools, canvas, status, keyboard, legend, edgeFilter);
  // Cytoscape measures its container, so the first load waits until the panel is in the page.
  requestAnimationFrame(load);
  return panel;
}
