// Search: entities whose name or alias contains the words, and every place the words occur in the
// documents' text. With no words, the start page.
import { LABEL_NAMES, api, badge, documentHref, documentLabel, documentsByFile, el, entityHref, fill, href } from "../lib.js";

function startPage() {
  return el("section", { className: "start" },
    el("h2", {}, "从这里开始"),
    el("p", {}, "在上方搜索地区、机构、医院、官员或项目，例如 ",
      el("a", { href: href("search", "", { q: "新建区" }) }, "新建区"), "、",
      el("a", { href: href("search", "", { q: "南昌" }) }, "南昌"), "。每一条事实都带着原文引句。"),
    el("ul", { className: "cards" },
      el("li", {}, el("a", { href: href("commitments") }, "承诺与指标"), "：谁承诺了什么，何年，原文为证"),
      el("li", {}, el("a", { href: href("metrics") }, "指标时间线"), "：同一指标在各地、各年的目标与完成值"),
      el("li", {}, el("a", { href: href("partners") }, "合作关系"), "：哪些医院、机构彼此合作，可按地区筛选"),
      el("li", {}, el("a", { href: href("programs") }, "项目"), "：各项工作由谁实施"),
      el("li", {}, el("a", { href: href("documents") }, "文件"), "：已载入的报告，上传或删除")));
}

async function entityResults(q, label, signal) {
  const body = await api("/api/entities", { q, label, limit: 100 }, { signal });
  const list = el("ol", { id: "results", className: "results" }, body.data.map((entity) =>
    el("li", { "data-id": entity.id },
      el("a", { href: entityHref(entity.id) }, badge(entity.label), " ", el("strong", {}, entity.name)),
      entity.aliases && entity.aliases.length ? el("span", { className: "muted" }, `（${entity.aliases.join("、")}）`) : "")));
  return el("div", {},
    el("p", { className: "muted", id: "results-count" }, `共 ${body.total} 个${body.total > body.data.length ? `，显示前 ${body.data.length} 个` : ""}`),
    body.data.length ? list : el("p", { className: "muted" }, "没有名称或别名包含这些字的实体。"));
}

async function textHits(q, signal) {
  const [body, documents] = await Promise.all([api("/api/search", { q, limit: 50 }, { signal }), documentsByFile()]);
  const list = el("ol", { id: "hits", className: "hits" }, body.data.map((hit) => {
    const before = hit.sentence.slice(0, hit.start - hit.sentence_start);
    const after = hit.sentence.slice(hit.end - hit.sentence_start);
    return el("li", { "data-doc": hit.doc },
      el("a", { href: documentHref(hit) }, before, el("mark", {}, hit.match), after),
      " ", el("span", { className: "muted" }, documentLabel(documents.get(hit.doc), hit.doc)));
  }));
  return el("div", {}, el("p", { className: "muted", id: "hits-count" }, `共 ${body.total} 处`), list);
}

export default {
  route: "search",
  title: "搜索",
  async render({ params, show, setTitle, signal }) {
    const q = (params.get("q") || "").trim();
    const label = params.get("label") || "";
    document.querySelector("#q").value = q;
    document.querySelector("#label").value = label;
    if (!q && !label) {
      show(startPage());
      return;
    }
    setTitle(`搜索：${q}`);
    const entities = el("div", { className: "slot" });
    const hits = el("div", { className: "slot" });
    show(el("section", { className: "search" },
      el("h2", {}, `“${q}”${label ? `（${LABEL_NAMES[label] || label}）` : ""} 的搜索结果`),
      el("h3", {}, "实体"), entities,
      q ? el("h3", {}, "原文中出现") : "", q ? hits : ""));
    const waits = [fill(entities, "实体", () => entityResults(q, label, signal))];
    if (q) waits.push(fill(hits, "原文", () => textHits(q, signal)));
    await Promise.all(waits);
  },
};
