// The explorer's router: `#/name/arg?query` picks a view from views/index.js and renders it into
// <main>. Every view therefore has a URL, reload keeps it, back/forward work (hash history).
// A view module exports { route, title, render(context) }; a new view is one file plus one line
// in views/index.js.
import * as views from "./views/index.js";
import { errorBox, loading, registerRoutes } from "./lib.js";

const registry = new Map(Object.values(views).map((view) => [view.route, view]));
registerRoutes(registry.keys());
const root = document.querySelector("#view");
let active = null; // the AbortController of the view being shown

export function parseLocation(hash = window.location.hash) {
  const text = hash.replace(/^#\/?/, "");
  const [path, query = ""] = text.split("?");
  const [name = "", ...rest] = path.split("/");
  return { name: name || "search", arg: rest.length ? decodeURIComponent(rest.join("/")) : "", params: new URLSearchParams(query) };
}

async function render({ focus }) {
  const location = parseLocation();
  const view = registry.get(location.name) || registry.get("search");
  if (active) active.abort();
  const controller = new AbortController();
  active = controller;
  for (const link of document.querySelectorAll("#nav a")) {
    if (link.dataset.route === view.route) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  root.setAttribute("aria-busy", "true");
  root.replaceChildren(loading());
  const context = {
    ...location,
    signal: controller.signal,
    // Views put their content here; a newer navigation makes an older view's show() a no-op.
    show: (...nodes) => { if (!controller.signal.aborted) root.replaceChildren(...nodes); },
    setTitle: (title) => { document.title = `${title} · healthkg`; },
  };
  try {
    context.setTitle(view.title);
    await view.render(context);
  } catch (error) {
    if (error.name === "AbortError" || controller.signal.aborted) return;
    context.show(errorBox(error, () => render({ focus: true })));
  } finally {
    if (!controller.signal.aborted) root.removeAttribute("aria-busy");
  }
  // Keyboard and screen-reader users land on the new view's heading, not at the page's top.
  if (focus && !controller.signal.aborted) {
    const heading = root.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }
  }
}

// The header search goes through the URL like everything else.
document.querySelector("#search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.querySelector("#q").value.trim();
  const label = document.querySelector("#label").value;
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (label) query.set("label", label);
  window.location.hash = `#/search${query.toString() ? `?${query}` : ""}`;
});

window.addEventListener("hashchange", () => render({ focus: true }));
render({ focus: false });
