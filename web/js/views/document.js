// One document's full text, with the quoted span (start/end in the URL) marked and scrolled to.
import { api, copyButton, dataTable, documentHref, el, entityLink, EDGE_NAMES, href } from "../lib.js";

export default {
  route: "document",
  title: "原文",
  async render({ arg, params, show, setTitle, signal }) {
    const body = await api(`/api/documents/${encodeURIComponent(arg)}/text`, {}, { signal });
    const doc = body.document;
    const text = body.text || "";
    setTitle(doc.title || doc.file);
    const start = Number.parseInt(params.get("start"), 10);
    const end = Number.parseInt(params.get("end"), 10);
    const marked = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
    const pre = el("pre", { id: "document-text", className: "document-text" });
    let mark = null;
    if (marked) {
      mark = el("mark", { id: "quote-mark" }, text.slice(start, end));
      pre.append(text.slice(0, start), mark, text.slice(end));
    } else {
      pre.append(text);
    }
    const evidence = marked ? { doc: doc.file, start, end, quote: text.slice(start, end) } : null;
    const facts = dataTable({
      name: `${doc.file}-事实`,
      rows: body.facts.flatMap((fact) => fact.evidence.map((ev) => ({ ...fact, ev }))),
      columns: [
        { title: "关系", value: (r) => EDGE_NAMES[r.type] || r.type },
        { title: "主体", value: (r) => r.source.name, cell: (r) => entityLink(r.source) },
        { title: "对象", value: (r) => r.target.name, cell: (r) => entityLink(r.target) },
        { title: "原文", value: (r) => r.ev.quote, className: "quote-cell",
          cell: (r) => el("a", { href: documentHref(r.ev) }, r.ev.quote) },
      ],
    });
    show(el("article", { className: "document" },
      el("p", { className: "back" }, el("a", { href: href("documents") }, "← 全部文件")),
      el("h2", { id: "document-title" }, doc.title || doc.file),
      el("p", { className: "muted" }, [doc.date, `${doc.chars ?? text.length} 字`, doc.file].filter(Boolean).join(" · ")),
      marked ? el("p", { className: "marked-note" }, `已标出第 ${start}–${end} 字的引文。 `, copyButton(evidence, doc)) : "",
      pre,
      el("details", { className: "document-facts" }, el("summary", {}, `本文件支持的事实：${body.facts.length} 条`), facts)));
    if (mark) requestAnimationFrame(() => mark.scrollIntoView({ block: "center" }));
  },
};
