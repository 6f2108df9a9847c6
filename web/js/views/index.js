// Every view of the explorer, one module each; the router finds a view by its `route`.
// Adding a view: write views/<name>.js exporting default { route, title, render }, add one line here.
export { default as search } from "./search.js";
export { default as entity } from "./entity.js";
export { default as document } from "./document.js";
export { default as documents } from "./documents.js";
export { default as commitments } from "./commitments.js";
export { default as metrics } from "./metrics.js";
export { default as partners } from "./partners.js";
export { default as programs } from "./programs.js";
export { default as tracks } from "../../tracks.js";
