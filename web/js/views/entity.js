// One entity: a compact header, its commitments (the table a journalist came for), the other
// relations grouped and collapsed with counts, and the neighbourhood graph.
import { graphPanel } from "../graph.js";
import {
  EDGE_NAMES, KIND_NAMES, LABEL_NAMES, api, badge, dataTable, documentHref, documentLabel, documentsByFile,
  el, entityLink, fill, formatValue, hasRoute, href, quoteBlock, replaceParams,
} from "../lib.js";

const PROPERTY_NAMES = {
  metric: "指标", value: "数值", unit: "单位", comparator: "比较", year: "年份", kind: "类型", title: "职务",
};

function header(entity, files, documents, complete) {
  const facts = [
    ["类型", badge(entity.label)],
    entity.aliases && entity.aliases.length ? ["别名", entity.aliases.join("、")] : null,
    entity.code ? ["行政区划代码", el("code", {}, entity.code)] : null,
    entity.level ? ["级别", entity.level] : null,
    ["编号", el("code", { id: "entity-id" }, entity.id)],
  ].filter(Boolean);
  for (const [key, value] of Object.entries(entity)) {
    if (["id", "name", "label", "aliases", "code", "level"].includes(key) || value === null || typeof value === "object") continue;
    facts.push([PROPERTY_NAMES[key] || key, key === "kind" ? KIND_NAMES[value] || value : String(value)]);
  }
  // The views that say more about programs and indicators.
  if (entity.label === "Program") facts.push(["项目页", el("a", { href: href("programs", entity.id) }, "实施者与合作方")]);
  if (entity.label === "Target" && entity.metric) facts.push(["时间线", el("a", { href: href("metrics", entity.metric) }, entity.metric)]);
  // Commitment tracks (issue 16's view), when this build has them: were the goals met?
  if (hasRoute("tracks") && entity.label !== "Target") {
    facts.push(["追踪", el("a", { href: href("tracks", "", { committer: entity.id }), id: "entity-tracks" }, "目标是否兑现")]);
  }
  const docs = [...files].sort().map((file) => el("li", {}, el("a", { href: href("document", file) }, documentLabel(documents.get(file), file))));
  return el("header", { className: "entity-header" },
    el("h2", { id: "entity-name" }, entity.name),
    el("dl", { className: "facts" }, facts.map(([key, value]) => el("div", {}, el("dt", {}, key), el("dd", {}, value)))),
    docs.length ? el("details", { className: "entity-docs" }, el("summary", {}, `出现在 ${complete ? "" : "至少 "}${docs.length} 份文件中`), el("ul", {}, docs)) : "");
}

function commitmentsSection(entity, params, documents, signal) {
  const regionScope = entity.label === "Region" && params.get("scope") === "region";
  const year = params.get("year") || "";
  const kind = params.get("kind") || "";
  const slot = el("div", { className: "slot" });
  const section = el("section", { className: "commitments", id: "entity-commitments", "aria-labelledby": "commitments-heading" },
    el("h3", { id: "commitments-heading" }, "承诺与指标"), slot);

  fill(slot, "承诺", async () => {
    const query = regionScope ? { region: entity.id } : { by: entity.id };
    const body = await api("/api/commitments", { ...query, limit: 500 }, { signal });
    const years = [...new Set(body.data.map((row) => row.year).filter((y) => y !== null))].sort();
    const yearSelect = el("select", { id: "c-year" }, el("option", { value: "" }, "全部年份"),
      years.map((y) => el("option", { value: y, selected: String(y) === year }, String(y))));
    const kindSelect = el("select", { id: "c-kind" }, el("option", { value: "" }, "目标与已实现"),
      Object.entries(KIND_NAMES).map(([value, name]) => el("option", { value, selected: value === kind }, name)));
    const scopeBox = entity.label === "Region"
      ? el("label", { className: "inline" }, el("input", { type: "checkbox", id: "c-scope", checked: regionScope }), " 含下辖地区与驻地机构")
      : "";
    const tableSlot = el("div", {});
    const show = () => {
      const rows = body.data.filter((row) => (!yearSelect.value || String(row.year) === yearSelect.value) && (!kindSelect.value || row.kind === kindSelect.value));
      const columns = [
        regionScope ? { title: "主体", value: (r) => r.committer, cell: (r) => entityLink({ id: r.committer_id, name: r.committer }) } : null,
        { title: "指标", value: (r) => r.metric, cell: (r) => el("a", { href: href("metrics", r.metric) }, r.metric) },
        { title: "数值", value: formatValue, className: "num" },
        { title: "单位", value: (r) => r.unit },
        { title: "年份", value: (r) => r.year ?? "" },
        { title: "类型", value: (r) => KIND_NAMES[r.kind] || r.kind },
        { title: "文件", className: "wide", value: (r) => (documents.get(r.doc) || {}).title || r.doc, csv: (r) => `${(documents.get(r.doc) || {}).title || r.doc} ${r.date || ""}`.trim(),
          cell: (r) => el("a", { href: documentHref(r), title: (documents.get(r.doc) || {}).title || r.doc }, documentLabel(documents.get(r.doc), r.doc)) },
        { title: "原文", value: (r) => r.quote, className: "quote-cell", cell: (r) => quoteBlock(r, documents.get(r.doc), { short: true }) },
      ].filter(Boolean);
      const label = [yearSelect.value && `${yearSelect.value} 年`, kindSelect.value && KIND_NAMES[kindSelect.value]].filter(Boolean).join("，");
      tableSlot.replaceChildren(dataTable({
        name: `${entity.name}-承诺${yearSelect.value ? `-${yearSelect.value}` : ""}`, columns, rows,
        caption: `共 ${rows.length} 条${label ? `（${label}）` : ""}，每条原文一行${body.total > body.data.length ? `；只取了全部 ${body.total} 条中的前 ${body.data.length} 条，完整列表见“承诺”页` : ""}`, empty: "没有符合条件的承诺或指标。",
      }));
    };
    const filters = el("form", { className: "filters", id: "commitment-filters", onsubmit: (e) => e.preventDefault() },
      el("label", {}, "年份 ", yearSelect), el("label", {}, "类型 ", kindSelect), scopeBox);
    yearSelect.addEventListener("change", () => { replaceParams({ year: yearSelect.value }); show(); });
    kindSelect.addEventListener("change", () => { replaceParams({ kind: kindSelect.value }); show(); });
    if (scopeBox) {
      // A different query: go through the URL so the whole view follows it.
      scopeBox.querySelector("input").addEventListener("change", (e) => {
        window.location.hash = href("entity", entity.id, { scope: e.target.checked ? "region" : "", year: yearSelect.value, kind: kindSelect.value });
      });
    }
    show();
    return el("div", {}, filters, tableSlot);
  });
  return section;
}

// One edge: its other end and the quotes loaded so far, with a button for the rest of them.
function edgeItem(entityId, edge, documents) {
  const quotes = el("div", { className: "edge-quotes" }, edge.evidence.map((evidence) => quoteBlock(evidence, documents.get(evidence.doc))));
  const total = edge.quotes ?? edge.evidence.length;
  const item = el("li", { className: "edge", "data-other": edge.other.id },
    el("span", { "aria-label": edge.direction === "out" ? "指向" : "来自" }, edge.direction === "out" ? "→ " : "← "),
    entityLink(edge.other), " ", badge(edge.other.label), quotes);
  if (total > edge.evidence.length) {
    let loaded = edge.evidence.length;
    const more = el("button", { type: "button", className: "more-quotes" }, `更多原文（共 ${total} 条）`);
    more.addEventListener("click", async () => {
      more.disabled = true;
      try {
        const page = await api(`/api/entities/${encodeURIComponent(entityId)}/quotes`,
          { type: edge.type, direction: edge.direction, other: edge.other.id, offset: loaded, limit: 50 });
        quotes.append(...page.data.map((evidence) => quoteBlock(evidence, documents.get(evidence.doc))));
        loaded += page.data.length;
        if (loaded >= page.total || !page.data.length) more.remove(); else more.disabled = false;
      } catch (error) {
        more.disabled = false;
        more.textContent = `加载失败（${error.message}），重试`;
      }
    });
    item.append(more);
  }
  return item;
}

// Edges come in pages per type and direction: the group's count is every edge's, and each
// direction with more than its first page gets a "load more" button that follows `next`.
function relationsSection(entity, body, documents) {
  // Targets this entity sets are in the commitments table; who sets a target still shows here.
  const shown = (type, direction) => !(type === "SETS_TARGET" && direction === "out");
  const counts = (body.edge_counts || []).filter((group) => shown(group.type, group.direction));
  const types = [...new Set(counts.map((group) => group.type))];
  const groups = types.map((type) => {
    const list = el("ul", {}, (body.edges[type] || []).filter((edge) => shown(type, edge.direction)).map((edge) => edgeItem(entity.id, edge, documents)));
    const mine = counts.filter((group) => group.type === type);
    const total = mine.reduce((sum, group) => sum + group.total, 0);
    const buttons = mine.filter((group) => group.next).map((group) => {
      let next = group.next;
      let loaded = group.shown;
      const label = () => `加载更多${group.direction === "out" ? "（指向）" : "（来自）"}：已显示 ${loaded}/${group.total}`;
      const button = el("button", { type: "button", className: "load-more", "data-direction": group.direction }, label());
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          const page = await api(next);
          list.append(...page.data.map((edge) => edgeItem(entity.id, edge, documents)));
          loaded += page.data.length;
          next = page.next;
          if (next) { button.textContent = label(); button.disabled = false; } else button.remove();
        } catch (error) {
          button.disabled = false;
          button.textContent = `加载失败（${error.message}），重试`;
        }
      });
      return button;
    });
    return el("details", { className: "edge-group", "data-type": type, "data-total": total },
      el("summary", {}, `${EDGE_NAMES[type] || type} · ${total}`), list, buttons);
  });
  return el("section", { className: "relations", "aria-labelledby": "relations-heading" },
    el("h3", { id: "relations-heading" }, "其他关系"),
    groups.length ? groups : el("p", { className: "muted" }, "没有其他关系。"));
}

export default {
  route: "entity",
  title: "实体",
  async render({ arg, params, show, setTitle, signal }) {
    const [body, documents] = await Promise.all([
      api(`/api/entities/${encodeURIComponent(arg)}`, {}, { signal }),
      documentsByFile(),
    ]);
    const entity = body.entity;
    setTitle(`${entity.name}（${LABEL_NAMES[entity.label] || entity.label}）`);
    const files = new Set();
    for (const list of Object.values(body.edges)) for (const edge of list) for (const ev of edge.evidence) files.add(ev.doc);
    const list = (name) => (params.get(name) ? params.get(name).split(",").filter(Boolean) : []);
    const graph = graphPanel({
      center: entity.id,
      depth: Number(params.get("depth")) || 1,
      types: params.get("types") ? list("types") : null,
      hidden: list("hide"),
      expanded: list("expand"),
      edgeCounts: body.edge_counts || [],
      onChange: (changes) => replaceParams(changes),
    });
    show(el("article", { className: "entity", "data-id": entity.id },
      el("p", { className: "back" }, el("a", { href: "#/", onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, "← 返回")),
      header(entity, files, documents, body.complete !== false),
      entity.label === "Target" ? "" : commitmentsSection(entity, params, documents, signal),
      relationsSection(entity, body, documents),
      el("section", { className: "graph", "aria-labelledby": "graph-heading" }, el("h3", { id: "graph-heading" }, "关系网络"), graph)));
  },
};
