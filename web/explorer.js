// healthkg explorer: search entities, open one, read its edges with their quotes, see its
// neighbourhood drawn in SVG, and filter commitments. Plain JS over the JSON API; no build step.
"use strict";

const LABEL_NAMES = {
  Region: "地区", Organization: "机构", Hospital: "医院", Official: "官员",
  Program: "项目", Target: "指标", Document: "文件",
};
const LABEL_COLORS = {
  Region: "#2563eb", Organization: "#7c3aed", Hospital: "#059669", Official: "#d97706",
  Program: "#db2777", Target: "#b4232a", Document: "#6b7280",
};
const EDGE_NAMES = {
  SETS_TARGET: "设定/报告指标", PARTNERS_WITH: "合作", IMPLEMENTS: "实施",
  LOCATED_IN: "位于", PART_OF: "隶属", HOLDS_POSITION: "任职",
};
const KIND_NAMES = { goal: "目标", achieved: "已实现" };
const SVG_NS = "http://www.w3.org/2000/svg";

const $ = (selector) => document.querySelector(selector);
let current = null; // the open entity

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "onclick") node.addEventListener("click", value);
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ""));
  return node;
}

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

// ---- search ---------------------------------------------------------------------------------
async function search(event) {
  if (event) event.preventDefault();
  const list = $("#results");
  list.replaceChildren();
  try {
    const body = await api("/api/entities", { q: $("#q").value.trim(), label: $("#label").value, limit: 100 });
    $("#results-count").textContent = `共 ${body.total} 个`;
    for (const entity of body.data) {
      const item = el("li", { "data-id": entity.id, onclick: () => openEntity(entity.id) },
        el("span", { className: "badge" }, LABEL_NAMES[entity.label] || entity.label), " ",
        el("strong", {}, entity.name),
        entity.aliases && entity.aliases.length ? el("span", { className: "muted" }, `（${entity.aliases.join("、")}）`) : "");
      list.append(item);
    }
  } catch (error) {
    list.append(el("li", { className: "muted" }, `出错：${error.message}`));
  }
  await searchText();
}

// Where the words occur in the documents: each hit's sentence with the match marked.
async function searchText() {
  const list = $("#hits");
  list.replaceChildren();
  const q = $("#q").value.trim();
  $("#hits-count").textContent = "";
  if (!q) return;
  const body = await api("/api/search", { q, limit: 50 });
  $("#hits-count").textContent = `共 ${body.total} 处`;
  for (const hit of body.data) {
    const before = hit.sentence.slice(0, hit.start - hit.sentence_start);
    const after = hit.sentence.slice(hit.end - hit.sentence_start);
    const evidence = { doc: hit.doc, start: hit.start, end: hit.end };
    list.append(el("li", { "data-doc": hit.doc, onclick: () => showDocument(evidence) },
      before, el("mark", {}, hit.match), after, " ",
      el("span", { className: "muted" }, `${hit.doc} [${hit.start}]`)));
  }
}

// ---- one entity -----------------------------------------------------------------------------
function quoteBlock(evidence) {
  const source = el("a", { title: "在原文中查看", onclick: () => showDocument(evidence) },
    `${evidence.doc}  [${evidence.start}–${evidence.end}]${evidence.page ? `  第 ${evidence.page} 页` : ""}`);
  return el("blockquote", { className: "quote" }, evidence.quote, el("cite", {}, source));
}

// ---- a document's text with one quote marked ---------------------------------------------------
async function showDocument(evidence) {
  const body = await api(`/api/documents/${encodeURIComponent(evidence.doc)}/text`);
  const text = body.text;
  const mark = el("mark", {}, text.slice(evidence.start, evidence.end));
  $("#document-text").replaceChildren(text.slice(0, evidence.start), mark, text.slice(evidence.end));
  $("#document-title").textContent = `${body.document.title || body.document.name} · ${body.document.file}`;
  $("#document-panel").hidden = false;
  mark.scrollIntoView({ block: "center" });
}

async function openEntity(id) {
  const body = await api(`/api/entities/${encodeURIComponent(id)}`);
  current = body.entity;
  for (const item of document.querySelectorAll("#results li")) {
    item.classList.toggle("active", item.dataset.id === id);
  }
  $("#entity-panel").hidden = false;
  $("#entity-name").textContent = current.name;
  $("#entity-label").textContent = LABEL_NAMES[current.label] || current.label;
  $("#entity-id").textContent = current.id;
  const props = $("#entity-props");
  props.replaceChildren();
  for (const [key, value] of Object.entries(current)) {
    if (["id", "name", "label"].includes(key) || value === null || (Array.isArray(value) && !value.length)) continue;
    props.append(el("tr", {}, el("td", {}, key), el("td", {}, Array.isArray(value) ? value.join("、") : value)));
  }
  const edges = $("#edges");
  edges.replaceChildren();
  const types = Object.keys(body.edges);
  if (!types.length) edges.append(el("p", { className: "muted" }, "没有关系。"));
  for (const type of types) {
    const group = el("div", { className: "edge-group", "data-type": type },
      el("h4", {}, `${EDGE_NAMES[type] || type} (${type}) · ${body.edges[type].length}`));
    for (const edge of body.edges[type]) {
      const other = el("a", { onclick: () => openEntity(edge.other.id) }, edge.other.name);
      const line = el("div", { className: "edge" },
        edge.direction === "out" ? "→ " : "← ", other, " ",
        el("span", { className: "badge" }, LABEL_NAMES[edge.other.label] || edge.other.label));
      for (const evidence of edge.evidence) line.append(quoteBlock(evidence));
      group.append(line);
    }
    edges.append(group);
  }
  await drawNeighbors();
  if ($("#f-scope").checked) await loadCommitments();
}

// ---- neighbourhood graph: a small force layout, computed then drawn ---------------------------
function layout(nodes, edges, width, height) {
  // Fruchterman–Reingold (nodes[0], the open entity, pinned in the middle): every pair repels (k²/d), every edge pulls (d²/k), a weak gravity keeps
  // the drawing centred, and a cooling temperature caps each step.
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const points = nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    const radius = i === 0 ? 0 : Math.min(width, height) / 3;
    return { x: width / 2 + radius * Math.cos(angle), y: height / 2 + radius * Math.sin(angle) };
  });
  const links = edges.map((edge) => [index.get(edge.source), index.get(edge.target)]);
  const k = 0.9 * Math.sqrt((width * height) / Math.max(nodes.length, 1));
  const steps = 300;
  for (let step = 0; step < steps; step++) {
    const moves = points.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const dx = points[i].x - points[j].x, dy = points[i].y - points[j].y;
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const push = (k * k) / d / d;
        moves[i].x += dx * push; moves[i].y += dy * push;
        moves[j].x -= dx * push; moves[j].y -= dy * push;
      }
    }
    for (const [a, b] of links) {
      const dx = points[a].x - points[b].x, dy = points[a].y - points[b].y;
      const pull = Math.hypot(dx, dy) / k;
      moves[a].x -= dx * pull; moves[a].y -= dy * pull;
      moves[b].x += dx * pull; moves[b].y += dy * pull;
    }
    const temperature = (width / 8) * (1 - step / steps) + 1;
    points.forEach((point, i) => {
      if (i === 0) return; // the open entity stays in the middle
      moves[i].x += (width / 2 - point.x) * 0.05;
      moves[i].y += (height / 2 - point.y) * 0.05;
      const length = Math.max(Math.hypot(moves[i].x, moves[i].y), 0.01);
      const step_ = Math.min(length, temperature);
      point.x = Math.min(width - 40, Math.max(20, point.x + (moves[i].x / length) * step_));
      point.y = Math.min(height - 15, Math.max(15, point.y + (moves[i].y / length) * step_));
    });
  }
  return points;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function drawNeighbors() {
  const canvas = $("#graph");
  canvas.replaceChildren();
  const body = await api(`/api/entities/${encodeURIComponent(current.id)}/neighbors`, { depth: $("#depth").value });
  const nodes = [...body.nodes].sort((a, b) => (a.id === body.center ? -1 : b.id === body.center ? 1 : 0));
  const points = layout(nodes, body.edges, 640, 420);
  const at = new Map(nodes.map((node, i) => [node.id, points[i]]));
  for (const edge of body.edges) {
    const a = at.get(edge.source), b = at.get(edge.target);
    canvas.append(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "data-type": edge.type }));
    if (body.edges.length <= 40) {
      canvas.append(svg("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, class: "edge-label" }, EDGE_NAMES[edge.type] || edge.type));
    }
  }
  // Crowded drawings label only the centre and its direct neighbours; the rest show on hover.
  const direct = new Set([body.center]);
  for (const edge of body.edges) {
    if (edge.source === body.center) direct.add(edge.target);
    if (edge.target === body.center) direct.add(edge.source);
  }
  const labelled = (node) => nodes.length <= 40 || direct.has(node.id);
  nodes.forEach((node, i) => {
    const circle = svg("circle", {
      cx: points[i].x, cy: points[i].y, r: node.id === body.center ? 11 : 8,
      fill: LABEL_COLORS[node.label] || "#999", "data-id": node.id,
      class: node.id === body.center ? "center" : "",
    });
    circle.append(svg("title", {}, `${node.name}（${LABEL_NAMES[node.label] || node.label}）`));
    circle.addEventListener("click", () => openEntity(node.id));
    canvas.append(circle);
    if (labelled(node)) canvas.append(svg("text", { x: points[i].x + 12, y: points[i].y + 4 }, node.name));
  });
  if (body.truncated) canvas.append(svg("text", { x: 8, y: 412, class: "edge-label" }, "（关系过多，仅显示部分）"));
}

// ---- commitments ----------------------------------------------------------------------------
async function loadCommitments(event) {
  if (event) event.preventDefault();
  const params = { metric: $("#f-metric").value.trim(), year: $("#f-year").value, kind: $("#f-kind").value, limit: 200 };
  if ($("#f-scope").checked && current) {
    if (current.label === "Region") params.region = current.id; else params.by = current.id;
  }
  const rows = $("#commitments tbody");
  rows.replaceChildren();
  try {
    const body = await api("/api/commitments", params);
    $("#commitments-count").textContent = `共 ${body.total} 条（每条原文一行）`;
    for (const row of body.data) {
      const who = el("a", { onclick: () => openEntity(row.committer_id) }, row.committer);
      rows.append(el("tr", {},
        el("td", {}, who), el("td", {}, row.metric),
        el("td", {}, `${row.comparator === "=" ? "" : row.comparator} ${row.value}${row.unit}`),
        el("td", {}, row.year ?? ""), el("td", {}, KIND_NAMES[row.kind] || row.kind),
        el("td", { className: "quote-cell" }, row.quote),
        el("td", { className: "muted" }, el("a", { onclick: () => showDocument(row) }, `${row.doc} [${row.start}–${row.end}]`))));
    }
  } catch (error) {
    $("#commitments-count").textContent = `出错：${error.message}`;
  }
}

$("#search-form").addEventListener("submit", search);
$("#document-close").addEventListener("click", () => { $("#document-panel").hidden = true; });
$("#commitment-filters").addEventListener("submit", loadCommitments);
$("#depth").addEventListener("change", () => current && drawNeighbors());
$("#f-scope").addEventListener("change", () => loadCommitments());
loadCommitments();
