// Metrics: the list of distinct indicators, and one indicator's timeline, an SVG chart of its
// values by year with achieved and goal side by side, coloured by committer, over a table.
import { KIND_NAMES, api, dataTable, documentHref, documentLabel, documentsByFile, el, entityLink, formatValue, href, quoteBlock } from "../lib.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#b4232a", "#4b5563"];

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : String(child));
  return node;
}

/** The chart: one band per year, achieved values left of the band's middle, goals right. */
export function timelineChart(points) {
  // A narrower drawing on phones keeps its text readable once scaled to the screen.
  const width = window.innerWidth < 700 ? 360 : 640, height = 300, left = 48, right = 12, top = 16, bottom = 40;
  const years = [...new Set(points.map((p) => p.year).filter((y) => y !== null))].sort();
  const dated = points.filter((p) => p.year !== null);
  const max = Math.max(...dated.map((p) => p.value), 0) * 1.1 || 1;
  const band = (width - left - right) / Math.max(years.length, 1);
  const x = (year, kind) => left + band * (years.indexOf(year) + 0.5) + (kind === "goal" ? band * 0.18 : -band * 0.18);
  const y = (value) => top + (height - top - bottom) * (1 - value / max);
  const committers = [...new Set(dated.map((p) => p.committer || "（未知）"))];
  const color = (p) => PALETTE[committers.indexOf(p.committer || "（未知）") % PALETTE.length];
  const units = [...new Set(dated.map((p) => p.unit))];
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-chart", id: "timeline-chart", role: "img",
    "aria-label": `按年份的数值：${years.join("、")}；实心圆为已实现，空心菱形为目标` });
  for (let i = 0; i <= 4; i++) {
    const value = (max / 1.1) * (i / 4);
    chart.append(svg("line", { x1: left, x2: width - right, y1: y(value), y2: y(value), class: "grid" }),
      svg("text", { x: left - 6, y: y(value) + 4, "text-anchor": "end", class: "tick" }, Number(value.toFixed(2)).toString()));
  }
  chart.append(svg("text", { x: 4, y: 12, class: "tick" }, units.join(" / ")));
  years.forEach((year) => {
    const middle = left + band * (years.indexOf(year) + 0.5);
    chart.append(svg("text", { x: middle, y: height - bottom + 18, "text-anchor": "middle", class: "year" }, String(year)),
      svg("text", { x: middle - band * 0.18, y: height - bottom + 32, "text-anchor": "middle", class: "tick" }, "已实现"),
      svg("text", { x: middle + band * 0.18, y: height - bottom + 32, "text-anchor": "middle", class: "tick" }, "目标"));
  });
  // Values of the same year and kind sit side by side rather than on top of each other.
  const slots = new Map();
  const spread = (p) => {
    const key = `${p.year}|${p.kind}`;
    const group = dated.filter((q) => `${q.year}|${q.kind}` === key);
    slots.set(key, (slots.get(key) ?? -1) + 1);
    const step = Math.min(14, (band * 0.3) / Math.max(group.length, 1));
    return (slots.get(key) - (group.length - 1) / 2) * step;
  };
  // Equal values side by side share one label, written after the last of them.
  const lastOfValue = (p) => {
    const same = dated.filter((q) => q.year === p.year && q.kind === p.kind && q.value === p.value);
    return same[same.length - 1] === p;
  };
  for (const p of dated) {
    const cx = x(p.year, p.kind) + spread(p), cy = y(p.value);
    const shape = p.kind === "goal"
      ? svg("polygon", { points: `${cx},${cy - 7} ${cx + 7},${cy} ${cx},${cy + 7} ${cx - 7},${cy}`, fill: "#fff", stroke: color(p), "stroke-width": 2.5 })
      : svg("circle", { cx, cy, r: 6, fill: color(p) });
    const link = svg("a", { href: documentHref(p), class: `point ${p.kind}`, "data-year": p.year, "data-kind": p.kind, "data-value": p.value },
      svg("title", {}, `${p.committer || ""} ${p.year} ${KIND_NAMES[p.kind] || p.kind} ${formatValue(p)}${p.unit}：${p.quote}`),
      shape, lastOfValue(p) ? svg("text", { x: cx + 9, y: cy + 4, class: "value" }, `${formatValue(p)}${p.unit}`) : "");
    chart.append(link);
  }
  const legend = el("ul", { className: "chart-legend" },
    el("li", {}, "● 已实现"), el("li", {}, "◇ 目标"),
    committers.map((name, i) => el("li", {}, el("span", { className: "dot", style: `background:${PALETTE[i % PALETTE.length]}` }), ` ${name}`)));
  return el("figure", { className: "timeline" }, chart, legend,
    points.length > dated.length ? el("figcaption", { className: "muted" }, `另有 ${points.length - dated.length} 个值未注明年份，只列在下表中。`) : "");
}

async function metricList({ params, show, signal }) {
  const q = params.get("q") || "";
  const form = el("form", { className: "filters", role: "search" },
    el("label", {}, "指标包含 ", el("input", { name: "q", type: "search", value: q, placeholder: "如：覆盖率" })), el("button", { type: "submit" }, "查找"));
  form.addEventListener("submit", (event) => { event.preventDefault(); window.location.hash = href("metrics", "", { q: form.q.value.trim() }); });
  const body = await api("/api/metrics", { q, limit: 500 }, { signal });
  show(el("section", {}, el("h2", {}, "指标"), form,
    dataTable({ name: "指标", rows: body.data, caption: `共 ${body.total} 个指标`, columns: [
      { title: "指标", value: (r) => r.metric, cell: (r) => el("a", { href: href("metrics", r.metric) }, r.metric) },
      { title: "次数", value: (r) => r.targets, className: "num" },
      { title: "年份", value: (r) => r.years.join("、") },
      { title: "类型", value: (r) => r.kinds.map((k) => KIND_NAMES[k] || k).join("、") },
      { title: "单位", value: (r) => r.units.join("、") },
    ] })));
}

async function metricTimeline({ arg, show, setTitle, signal }) {
  const [body, documents] = await Promise.all([api(`/api/metrics/${encodeURIComponent(arg)}/timeline`, {}, { signal }), documentsByFile()]);
  setTitle(`${arg} · 时间线`);
  show(el("section", { className: "metric" },
    el("p", { className: "back" }, el("a", { href: href("metrics") }, "← 全部指标")),
    el("h2", {}, body.metric),
    timelineChart(body.data),
    dataTable({ name: `${body.metric}-时间线`, rows: body.data, caption: body.truncated ? `只显示最早的 ${body.data.length} 条（每条原文一行）` : undefined, columns: [
      { title: "年份", value: (r) => r.year ?? "" },
      { title: "类型", value: (r) => KIND_NAMES[r.kind] || r.kind },
      { title: "主体", value: (r) => r.committer || "", cell: (r) => (r.committer_id ? entityLink({ id: r.committer_id, name: r.committer }) : "") },
      { title: "数值", value: formatValue, className: "num" },
      { title: "单位", value: (r) => r.unit },
      { title: "文件", className: "wide", value: (r) => `${(documents.get(r.doc) || {}).title || r.doc} ${r.date || ""}`.trim(),
        cell: (r) => el("a", { href: documentHref(r) }, documentLabel(documents.get(r.doc), r.doc)) },
      { title: "原文", value: (r) => r.quote, className: "quote-cell", cell: (r) => quoteBlock(r, documents.get(r.doc), { short: true }) },
    ] })));
}

export default {
  route: "metrics",
  title: "指标",
  render: (context) => (context.arg ? metricTimeline(context) : metricList(context)),
};
