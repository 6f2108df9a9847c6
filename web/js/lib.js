// Shared helpers of the explorer's views: DOM building, the JSON API with its errors, links,
// document titles, CSV export and quote citations. No framework: plain ES modules.

export const LABEL_NAMES = {
  Region: "地区", Organization: "机构", Hospital: "医院", Official: "官员",
  Program: "项目", Target: "指标", Document: "文件",
};
export const EDGE_NAMES = {
  SETS_TARGET: "设定/报告指标", PARTNERS_WITH: "合作", IMPLEMENTS: "实施",
  LOCATED_IN: "位于", PART_OF: "隶属", HOLDS_POSITION: "任职",
};
export const KIND_NAMES = { goal: "目标", achieved: "已实现" };

/** Build an element: attributes (on* are listeners, className, hidden/boolean props), then children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === "className") node.className = value;
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET (or any method) a JSON endpoint; a non-2xx answer throws ApiError with the server's message. */
export async function api(path, params = {}, init = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, "network", `无法连接服务器（${error.message}）`);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = body.error || {};
    throw new ApiError(response.status, detail.code || "http", detail.message || response.statusText);
  }
  return body;
}

export const loading = (what = "") => el("p", { className: "loading", role: "status" }, `正在加载${what}…`);

export function errorBox(error, retry) {
  const box = el("div", { className: "error", role: "alert" },
    el("strong", {}, "出错了："), ` ${error.message}`, error.status ? ` (HTTP ${error.status})` : "");
  if (retry) box.append(" ", el("button", { type: "button", onclick: retry }, "重试"));
  return box;
}

/** Fill `slot` from an async builder, with a loading line first and an error box (with retry) on failure. */
export async function fill(slot, what, build) {
  slot.replaceChildren(loading(what));
  try {
    slot.replaceChildren(await build());
  } catch (error) {
    if (error.name === "AbortError") return;
    slot.replaceChildren(errorBox(error, () => fill(slot, what, build)));
  }
}

// ---- links: every view has a URL ------------------------------------------------------------
const routes = new Set();
/** The router records which views exist, so a view links to another only when it is there. */
export function registerRoutes(names) {
  for (const name of names) routes.add(name);
}
export const hasRoute = (name) => routes.has(name);

/** `#/name/arg?query`; the argument is one encoded segment (ids hold ':' and sometimes '/'). */
export function href(name, arg = "", params = {}) {
  let out = `#/${name}`;
  if (arg !== "" && arg !== null && arg !== undefined) out += `/${encodeURIComponent(arg)}`;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined && value !== false) query.set(key, value);
  }
  const text = query.toString();
  return text ? `${out}?${text}` : out;
}

export const entityHref = (id) => href("entity", id);
export const documentHref = (evidence) =>
  href("document", evidence.doc, evidence.start === undefined ? {} : { start: evidence.start, end: evidence.end });

export const entityLink = (entity) =>
  el("a", { href: entityHref(entity.id), className: "entity-link", "data-id": entity.id }, entity.name);

export const badge = (label) => el("span", { className: `badge label-${label}` }, LABEL_NAMES[label] || label);

// ---- document titles (one request per page load, refreshed after uploads and deletions) -------
let documentsPromise = null;
export function documentsByFile(refresh = false) {
  if (refresh || !documentsPromise) {
    documentsPromise = api("/api/documents", { limit: 500 })
      .then((body) => new Map(body.data.map((doc) => [doc.file, doc])))
      .catch((error) => { documentsPromise = null; throw error; });
  }
  return documentsPromise;
}

export const shortTitle = (title, size = 28) => (title && title.length > size ? `${title.slice(0, size)}…` : title || "");

export function documentLabel(doc, file) {
  if (!doc) return file;
  return `${shortTitle(doc.title || doc.name || file)}${doc.date ? ` · ${doc.date}` : ""}`;
}

// ---- quotes: open in the document, copy as a citation ----------------------------------------
export function citation(evidence, doc) {
  const link = new URL(documentHref(evidence), window.location.href).href;
  const title = doc ? doc.title || doc.name || evidence.doc : evidence.doc;
  const date = doc && doc.date ? `，${doc.date}` : "";
  const page = evidence.page ? `，第 ${evidence.page} 页` : ""; // PDF quotes carry their page
  return `“${evidence.quote}”——《${title}》${date}${page}。原文：${link}`;
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = el("textarea", { className: "visually-hidden" });
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

export function copyButton(evidence, doc) {
  const button = el("button", { type: "button", className: "copy", title: "复制引文（原文、文件标题、日期、链接）" }, "复制引文");
  button.addEventListener("click", async () => {
    const text = citation(evidence, doc);
    button.dataset.citation = text;
    try {
      await copyText(text);
      button.textContent = "已复制";
    } catch {
      button.textContent = "复制失败";
    }
    setTimeout(() => { button.textContent = "复制引文"; }, 2000);
  });
  return button;
}

/**
 * A quote with its source: the document (title and date, or just "在原文中查看" where a table
 * column already names it) linked at the span, and a copy-citation button.
 */
export function quoteBlock(evidence, doc, { short = false } = {}) {
  return el("blockquote", { className: "quote" },
    el("span", { className: "quote-text" }, evidence.quote),
    el("span", { className: "quote-source" },
      el("a", { href: documentHref(evidence), className: "open-quote", title: `在原文中查看 ${evidence.doc} [${evidence.start}–${evidence.end}]` },
        short ? "在原文中查看" : documentLabel(doc, evidence.doc), evidence.page ? ` · 第 ${evidence.page} 页` : ""),
      " ", copyButton(evidence, doc)));
}

// ---- tables with CSV export --------------------------------------------------------------------
function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function downloadCsv(name, columns, rows) {
  const lines = [columns.map((column) => csvCell(column.title))];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.csv ? column.csv(row) : column.value(row))));
  // A byte-order mark so spreadsheet programs read the Chinese text as UTF-8.
  const blob = new Blob(["\ufeff" + lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `${name}.csv` });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

/**
 * A table of `rows`; each column has a title, `value(row)` (text, also the CSV cell) and optionally
 * `cell(row)` (a Node to show) and `csv(row)`. Under ~700 px the CSS turns rows into cards, using
 * each cell's data-label.
 */
export function dataTable({ name, columns, rows, caption, empty = "没有记录。" }) {
  const wrap = el("div", { className: "table-block" });
  const tools = el("div", { className: "table-tools" },
    el("span", { className: "muted count" }, caption ?? `共 ${rows.length} 行`),
    el("button", { type: "button", className: "csv", disabled: rows.length === 0, onclick: () => downloadCsv(name, columns, rows) }, "导出 CSV"));
  wrap.append(tools);
  if (!rows.length) {
    wrap.append(el("p", { className: "muted" }, empty));
    return wrap;
  }
  const head = el("tr", {}, columns.map((column) => el("th", { scope: "col" }, column.title)));
  const body = el("tbody", {}, rows.map((row) => el("tr", {},
    columns.map((column) => el("td", { "data-label": column.title, className: column.className },
      column.cell ? column.cell(row) : column.value(row))))));
  wrap.append(el("table", { className: "data", "data-name": name }, el("thead", {}, head), body));
  return wrap;
}

export const formatValue = (row) => `${row.comparator && row.comparator !== "=" ? row.comparator : ""}${row.value}`;

/** Write a view's in-page state (filters, graph settings) into the URL without re-rendering. */
export function replaceParams(changes) {
  const [path, query = ""] = window.location.hash.split("?");
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === "" || value === null || value === undefined || value === false) params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  history.replaceState(history.state, "", `${path || "#/"}${text ? `?${text}` : ""}`);
}
