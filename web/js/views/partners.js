// Who partners with whom (PARTNERS_WITH), filterable by region (sub-regions and entities located
// in them included).
import { api, badge, dataTable, documentsByFile, el, entityLink, href, quoteBlock } from "../lib.js";

export default {
  route: "partners",
  title: "合作关系",
  async render({ params, show, signal }) {
    const region = params.get("region") || "";
    const form = el("form", { className: "filters", id: "partner-filters" },
      el("label", {}, "地区（名称、别名或编号，含下辖） ", el("input", { name: "region", type: "search", value: region, placeholder: "如：南昌市" })),
      el("button", { type: "submit" }, "筛选"),
      region ? el("a", { href: href("partners") }, "清除") : "");
    form.addEventListener("submit", (event) => { event.preventDefault(); window.location.hash = href("partners", "", { region: form.region.value.trim() }); });
    const [body, documents] = await Promise.all([api("/api/partners", { region, limit: 500 }, { signal }), documentsByFile()]);
    show(el("section", {},
      el("h2", {}, region ? `合作关系 · ${region}` : "合作关系"),
      el("p", { className: "muted" }, "谁与谁合作（医联体、对口支援、合作共建……），每对附原文。"),
      form,
      dataTable({ name: `合作关系${region ? `-${region}` : ""}`, rows: body.data, caption: `共 ${body.total} 对`, columns: [
        { title: "一方", value: (r) => r.source.name, cell: (r) => [entityLink(r.source), " ", badge(r.source.label)] },
        { title: "另一方", value: (r) => r.target.name, cell: (r) => [entityLink(r.target), " ", badge(r.target.label)] },
        { title: "原文", value: (r) => r.evidence.map((ev) => ev.quote).join(" / "), className: "quote-cell",
          cell: (r) => r.evidence.map((ev) => quoteBlock(ev, documents.get(ev.doc))) },
      ] })));
  },
};
