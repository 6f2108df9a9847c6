// Programs: the list with implementer counts, and one program with its implementers, targets,
// the implementers' partners and the documents naming it.
import { KIND_NAMES, api, badge, dataTable, documentsByFile, el, entityLink, formatValue, href, quoteBlock } from "../lib.js";

const quotes = (documents) => (r) => r.evidence.map((ev) => quoteBlock(ev, documents.get(ev.doc)));
const quoteText = (r) => r.evidence.map((ev) => ev.quote).join(" / ");

async function programList({ show, signal }) {
  const body = await api("/api/programs", { limit: 500 }, { signal });
  show(el("section", {}, el("h2", {}, "项目"),
    el("p", { className: "muted" }, "各项工作与实施者，按实施者数量排序。"),
    dataTable({ name: "项目", rows: body.data, caption: `共 ${body.total} 个项目`, columns: [
      { title: "项目", value: (r) => r.program.name, cell: (r) => el("a", { href: href("programs", r.program.id) }, r.program.name) },
      { title: "实施者", value: (r) => r.implementers, className: "num" },
      { title: "指标", value: (r) => r.targets, className: "num" },
    ] })));
}

// Each list holds the first entries of the program's links; say so when there are more.
const firstOf = (body, key, shown) => {
  const total = (body.totals || {})[key];
  return total && total > shown ? `显示前 ${shown} 个，共 ${total} 个（完整列表见实体页“加载更多”）` : undefined;
};

async function programDetail({ arg, show, setTitle, signal }) {
  const [body, documents] = await Promise.all([api(`/api/programs/${encodeURIComponent(arg)}`, {}, { signal }), documentsByFile()]);
  setTitle(body.program.name);
  const names = new Map(body.implementers.map((r) => [r.entity.id, r.entity.name]));
  show(el("section", { className: "program" },
    el("p", { className: "back" }, el("a", { href: href("programs") }, "← 全部项目")),
    el("h2", {}, body.program.name),
    el("p", {}, badge("Program"), " ", el("a", { href: href("entity", body.program.id) }, "作为实体打开（关系网络）")),
    el("h3", {}, "实施者"),
    dataTable({ name: `${body.program.name}-实施者`, rows: body.implementers, caption: firstOf(body, "implementers", body.implementers.length), columns: [
      { title: "实施者", value: (r) => r.entity.name, cell: (r) => [entityLink(r.entity), " ", badge(r.entity.label)] },
      { title: "原文", value: quoteText, className: "quote-cell", cell: quotes(documents) },
    ] }),
    el("h3", {}, "指标"),
    dataTable({ name: `${body.program.name}-指标`, rows: body.targets, caption: firstOf(body, "targets", body.targets.length), columns: [
      { title: "指标", value: (r) => r.target.metric || r.target.name, cell: (r) => el("a", { href: href("metrics", r.target.metric || r.target.name) }, r.target.metric || r.target.name) },
      { title: "数值", value: (r) => `${formatValue(r.target)}${r.target.unit || ""}` },
      { title: "年份", value: (r) => r.target.year ?? "" },
      { title: "类型", value: (r) => KIND_NAMES[r.target.kind] || r.target.kind || "" },
      { title: "原文", value: quoteText, className: "quote-cell", cell: quotes(documents) },
    ] }),
    el("h3", {}, "实施者的合作方"),
    dataTable({ name: `${body.program.name}-合作方`, rows: body.partners, caption: firstOf(body, "partners", body.partners.length), columns: [
      { title: "实施者", value: (r) => names.get(r.implementer_id) || r.implementer_id, cell: (r) => entityLink({ id: r.implementer_id, name: names.get(r.implementer_id) || r.implementer_id }) },
      { title: "合作方", value: (r) => r.entity.name, cell: (r) => [entityLink(r.entity), " ", badge(r.entity.label)] },
      { title: "原文", value: quoteText, className: "quote-cell", cell: quotes(documents) },
    ] }),
    el("h3", {}, "文件"),
    firstOf(body, "documents", body.documents.length) ? el("p", { className: "muted" }, firstOf(body, "documents", body.documents.length)) : "",
    el("ul", {}, body.documents.map((doc) => el("li", {}, el("a", { href: href("document", doc.file) }, `${doc.title || doc.file}${doc.date ? ` · ${doc.date}` : ""}`))))));
}

export default {
  route: "programs",
  title: "项目",
  render: (context) => (context.arg ? programDetail(context) : programList(context)),
};
