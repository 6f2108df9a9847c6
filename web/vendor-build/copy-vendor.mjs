// Copies the pinned, prebuilt browser bundle of each library into web/vendor/ (committed), so a
// fresh clone serves the explorer with only Python installed. Run: npm ci && npm run vendor
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "vendor");
mkdirSync(target, { recursive: true });
const files = [["cytoscape", "dist/cytoscape.esm.min.mjs", "cytoscape.esm.min.js"]];
for (const [pkg, source, name] of files) {
  const version = JSON.parse(readFileSync(join(here, "node_modules", pkg, "package.json"))).version;
  copyFileSync(join(here, "node_modules", pkg, source), join(target, name));
  copyFileSync(join(here, "node_modules", pkg, "LICENSE"), join(target, `${pkg}.LICENSE.txt`));
  console.log(`${pkg}@${version} -> web/vendor/${name}`);
}
