// healthkg explorer, commitment tracks: find a committer's goals for one metric, see the series
// drawn in SVG with the goal line, and read the status in words beside the two quotes that decide
// it. Self-contained (its own helpers and panel) so the rest of the page can change around it.
// An ES module that fits both page layouts: it exports a view { route, title, render(context) }
// for a hash router (`#/tracks?committer=…&metric=…&status=…`, `#/tracks/<track id>`), and on a
// page without a router (no #view element) it mounts its own panel into <main>.

const SVG_NS = "http://www.w3.org/2000/svg";
const STATUS_NAMES = {
  "met": "已达成", "missed": "未达成", "on track": "进展顺利", "behind": "尚未达到",
  "revised": "已调整", "reaffirmed": "已重申", "no later figure yet": "尚无后续数据",
};
const COMPARATORS = { "<=": "≤", ">=": "≥", "=": "" };
const W = 640, H = 260, PAD = { left: 56, right: 20, top: 18, bottom: 34 };
const FILTERS = ["committer", "metric", "status"];

function node(tag, attrs = {}, ...children) {
  const made = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "onclick") made.addEventListener("click", value);
    else if (key === "className") made.className = value;
    else made.setAttribute(key, value);
  }
  for (const child of children) made.append(child instanceof Node ? child : String(child ?? ""));
  return made;
}

function svg(tag, attrs = {}, text) {
  const made = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) made.setAttribute(key, value);
  if (text !== undefined) made.textContent = text;
  return made;
}

async function getJson(path, params = {}, signal = undefined) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const response = await fetch(url, { signal });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function statusBadge(status) {
  return node("span", { className: `track-status status-${status.replace(/ /g, "-")}` },
    STATUS_NAMES[status] || status);
}

function figure(point) {
  return `${COMPARATORS[point.comparator] || ""}${point.value}${point.unit}`;
}

/** The panel; `navigate(filters, trackId)` is how it changes what it shows (direct, or by URL). */
function panel(navigate) {
  const section = node("section", { id: "tracks-panel", "aria-label": "承诺追踪" },
    node("h2", {}, "承诺追踪 ", node("small", { className: "muted" }, "目标是否兑现：同一主体、同一指标的目标与后来报告的数字")),
    node("form", { id: "track-filters" },
      node("label", {}, "主体 ", node("input", { id: "t-committer", type: "search", placeholder: "如：新建区" })),
      node("label", {}, "指标 ", node("input", { id: "t-metric", type: "search", placeholder: "如：孕产妇死亡率" })),
      node("label", {}, "状态 ", statusSelect()),
      node("button", { type: "submit" }, "查找")),
    node("p", { id: "tracks-count", className: "muted" }),
    node("ol", { id: "tracks-list" }),
    node("div", { id: "track-detail", hidden: "" },
      node("h3", { id: "track-title" }),
      node("p", { id: "track-statement" }),
      svg("svg", { id: "track-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "目标与实际数值" }),
      node("div", { id: "track-quotes", className: "quote-pair" }),
      node("table", { id: "track-points" },
        node("thead", {}, node("tr", {}, ...["年份", "类型", "数值", "状态", "原文", "文件", "日期"].map((h) => node("th", {}, h)))),
        node("tbody"))));
  section.navigate = navigate;
  section.querySelector("#track-filters").addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(filtersOf(section), null);
  });
  return section;
}

function statusSelect() {
  const select = node("select", { id: "t-status" }, node("option", { value: "" }, "全部"));
  for (const [value, name] of Object.entries(STATUS_NAMES)) select.append(node("option", { value }, name));
  return select;
}

function filtersOf(section) {
  return Object.fromEntries(FILTERS.map((name) => [name, section.querySelector(`#t-${name}`).value.trim()]));
}

function setFilters(section, filters) {
  for (const name of FILTERS) section.querySelector(`#t-${name}`).value = filters[name] || "";
}

async function listTracks(section, signal) {
  const list = section.querySelector("#tracks-list");
  const count = section.querySelector("#tracks-count");
  list.replaceChildren();
  try {
    const body = await getJson("/api/tracks", { ...filtersOf(section), limit: 100 }, signal);
    count.textContent = `共 ${body.total} 条追踪`;
    for (const track of body.data) {
      list.append(node("li", { "data-id": track.id, onclick: () => section.navigate(filtersOf(section), track.id) },
        node("strong", {}, track.committer.name), " · ", track.metric.name, " ",
        statusBadge(track.status), " ",
        node("span", { className: "muted" }, `${track.goals} 个目标，${track.achieved} 个实际值`)));
    }
  } catch (error) {
    if (error.name !== "AbortError") count.textContent = `出错：${error.message}`;
  }
}

async function openTrack(section, id, signal) {
  const track = await getJson(`/api/tracks/${encodeURIComponent(id)}`, {}, signal);
  const detail = section.querySelector("#track-detail");
  detail.hidden = false;
  detail.dataset.id = track.id;
  section.querySelector("#track-title").textContent =
    `${track.committer.name} · ${track.metric.name}（${track.metric.unit}，${track.metric.direction === "lower" ? "越低越好" : "越高越好"}）`;
  const goals = track.points.filter((p) => p.kind === "goal");
  showGoal(section, track, goals[goals.length - 1]);
  const body = section.querySelector("#track-points tbody");
  body.replaceChildren();
  for (const point of track.points) {
    const row = node("tr", { className: point.kind, "data-index": point.index },
      node("td", {}, point.year ?? ""), node("td", {}, point.kind === "goal" ? "目标" : "实际"),
      node("td", {}, figure(point)), node("td", {}, point.status ? statusBadge(point.status) : ""),
      node("td", { className: "quote-cell" }, point.quote), node("td", {}, point.title || point.doc),
      node("td", {}, point.date || ""));
    if (point.kind === "goal") row.addEventListener("click", () => showGoal(section, track, point));
    body.append(row);
  }
}

function showGoal(section, track, goal) {
  section.querySelector("#track-statement").replaceChildren(statusBadge(goal.status), " ", goal.statement);
  const other = goal.decided_by === null ? null : track.points[goal.decided_by];
  const quote = (point, role, heading) => node("blockquote", { className: `quote ${role}` },
    node("b", {}, heading), node("br"), point.quote,
    node("cite", {}, `${point.title || point.doc} · ${point.date || "日期不详"} · ${figure(point)}（${point.year ?? ""}年）`));
  const pair = section.querySelector("#track-quotes");
  pair.replaceChildren(quote(goal, "quote-goal", "目标"));
  if (other) pair.append(quote(other, "quote-outcome", other.kind === "goal" ? "后来的目标" : "后来报告的数字"));
  else pair.append(node("blockquote", { className: "quote quote-outcome muted" }, "尚无后来的文件报告这一年的数字。"));
  drawChart(section.querySelector("#track-chart"), track, goal);
}

function drawChart(chart, track, goal) {
  chart.replaceChildren();
  const years = track.points.map((p) => p.year).filter((y) => y !== null);
  if (!years.length) return; // nothing to place on a time axis
  const values = track.points.map((p) => p.value_in_unit);
  const minYear = Math.min(...years), maxYear = Math.max(...years);
  let low = Math.min(...values, 0), high = Math.max(...values);
  if (high === low) high = low + 1;
  high += (high - low) * 0.1;
  const inset = 28; // keeps the first and last year's markers off the axes
  const x = (year) => minYear === maxYear ? (PAD.left + W - PAD.right) / 2
    : PAD.left + inset + (year - minYear) / (maxYear - minYear) * (W - PAD.left - PAD.right - 2 * inset);
  const y = (value) => H - PAD.bottom - (value - low) / (high - low) * (H - PAD.top - PAD.bottom);
  chart.append(svg("line", { x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom, class: "axis" }));
  chart.append(svg("line", { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom, class: "axis" }));
  for (const year of [...new Set(years)]) {
    chart.append(svg("text", { x: x(year), y: H - PAD.bottom + 18, "text-anchor": "middle", class: "tick" }, `${year}`));
  }
  for (const value of [low, (low + high) / 2, high]) {
    chart.append(svg("text", { x: PAD.left - 6, y: y(value) + 4, "text-anchor": "end", class: "tick" },
      `${Number(value.toPrecision(3))}`));
  }
  const goalY = y(goal.value_in_unit);
  chart.append(svg("line", { x1: PAD.left, y1: goalY, x2: W - PAD.right, y2: goalY, class: "goal-line" }));
  chart.append(svg("text", { x: W - PAD.right, y: goalY - 5, "text-anchor": "end", class: "goal-label" },
    `目标 ${COMPARATORS[goal.comparator] || ""}${goal.value_in_unit}${track.metric.unit}（${goal.year ?? ""}年）`));
  const achieved = track.points.filter((p) => p.kind === "achieved" && p.year !== null)
    .sort((a, b) => a.year - b.year);
  if (achieved.length > 1) {
    chart.append(svg("polyline", {
      class: "series", points: achieved.map((p) => `${x(p.year) + 6},${y(p.value_in_unit)}`).join(" "),
    }));
  }
  const seen = new Map(); // markers of the same year and kind step aside so none hides another
  for (const point of track.points) {
    if (point.year === null) continue;
    const slot = `${point.year}|${point.kind}`;
    const step = seen.get(slot) || 0;
    seen.set(slot, step + 1);
    const dx = (point.kind === "goal" ? -1 : 1) * 13 * step;
    const title = svg("title", {}, `${point.year}年 ${point.kind === "goal" ? "目标" : "实际"} ${figure(point)} · ${point.title || point.doc}`);
    const shape = point.kind === "goal"
      ? svg("rect", { x: x(point.year) - 11 + dx, y: y(point.value_in_unit) - 5, width: 10, height: 10,
          class: point.index === goal.index ? "goal selected" : "goal", "data-index": point.index })
      : svg("circle", { cx: x(point.year) + 6 + dx, cy: y(point.value_in_unit), r: 5.5, class: "achieved",
          "data-index": point.index });
    shape.append(title);
    chart.append(shape);
  }
}

/** The router's view: filters from the URL's query, the open track from its path. */
async function render({ arg, params, show, signal }) {
  const section = panel((filters, trackId) => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
    const path = trackId ? `#/tracks/${encodeURIComponent(trackId)}` : "#/tracks";
    window.location.hash = `${path}${query.toString() ? `?${query}` : ""}`;
  });
  setFilters(section, Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""])));
  show(section);
  await Promise.all([listTracks(section, signal), arg ? openTrack(section, arg, signal) : null]);
}

export default { route: "tracks", title: "承诺追踪", render };

// ---- on a page without a router: one panel in <main>, following the entity the page opens ----
function followOpenEntity(section) {
  const shown = document.getElementById("entity-id");
  if (!shown) return;
  new MutationObserver(() => {
    const id = shown.textContent.trim();
    if (!id || id === section.querySelector("#t-committer").value) return;
    setFilters(section, { committer: id });
    listTracks(section);
  }).observe(shown, { childList: true, characterData: true, subtree: true });
}

function mount() {
  const section = panel((filters, trackId) => {
    setFilters(section, filters);
    if (trackId) openTrack(section, trackId);
    else listTracks(section);
  });
  (document.querySelector("main") || document.body).append(section);
  followOpenEntity(section);
}

if (!document.getElementById("view")) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
}
