// All commitments, filtered by metric, year, kind and region (the filters live in the URL).
import { KIND_NAMES, api, dataTable, documentHref, documentLabel, documentsByFile, el, entityLink, formatValue, href, quoteBlock } from "../lib.js";

export function commitmentColumns(documents) {
  return [
    { title: "主体", value: (r) => r.committer, cell: (r) => entityLink({ id: r.committer_id, name: r.committer }) },
    { title: "指标", value: (r) => r.metric, cell: (r) => el("a", { href: href("metrics", r.metric) }, r.metric) },
    { title: "数值", value: formatValue, className: "num" },
    { title: "单位", value: (r) => r.unit },
    { title: "年份", value: (r) => r.year ?? "" },
    { title: "类型", value: (r) => KIND_NAMES[r.kind] || r.kind },
    { title: "文件", className: "wide", value: (r) => `${(documents.get(r.doc) || {}).title || r.doc} ${r.date || ""}`.trim(),
      cell: (r) => el("a", { href: documentHref(r) }, documentLabel(documents.get(r.doc), r.doc)) },
    { title: "原文", value: (r) => r.quote, className: "quote-cell", cell: (r) => quoteBlock(r, documents.get(r.doc), { short: true }) },
  ];
}

export default {
  route: "commitments",
  title: "承诺与指标",
  async render({ params, show, signal }) {
    const values = Object.fromEntries(["metric", "year", "kind", "region"].map((key) => [key, params.get(key) || ""]));
    const form = el("form", { className: "filters", id: "commitment-filters" },
      el("label", {}, "指标 ", el("input", { name: "metric", type: "search", value: values.metric, placeholder: "如：家庭医生" })),
      el("label", {}, "年份 ", el("input", { name: "year", type: "number", min: 1949, max: 2100, value: values.year, placeholder: "2025" })),
      el("label", {}, "类型 ", el("select", { name: "kind" }, el("option", { value: "" }, "全部"),
        Object.entries(KIND_NAMES).map(([value, name]) => el("option", { value, selected: value === values.kind }, name)))),
      el("label", {}, "地区（含下辖） ", el("input", { name: "region", type: "search", value: values.region, placeholder: "如：南昌市" })),
      el("button", { type: "submit" }, "筛选"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      window.location.hash = href("commitments", "", data);
    });
    const [body, documents] = await Promise.all([api("/api/commitments", { ...values, limit: 500 }, { signal }), documentsByFile()]);
    show(el("section", {},
      el("h2", {}, "承诺与指标"),
      el("p", { className: "muted" }, "谁承诺了什么（目标）或报告了什么（已实现），每条原文一行。"),
      form,
      dataTable({ name: "承诺与指标", columns: commitmentColumns(documents), rows: body.data,
        caption: `共 ${body.total} 条${body.total > body.data.length ? `，显示前 ${body.data.length} 条` : ""}` })));
  },
};
