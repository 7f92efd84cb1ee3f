// The charting libraries, vendored by scripts/setup-web.sh into /static/vendor/ (never fetched from another
// host). They are UMD builds, so each is loaded once with a <script> tag of our own origin (allowed by the
// page's Content-Security-Policy) and read from the global it defines. When vendor/ is missing the promise
// resolves to null and each chart shows missingNote() instead: the page, its tables and filters still work.

import { el } from "./dom.js";

const loaded = new Map();

function load(tag, attrs) {
  const key = attrs.src || attrs.href;
  if (!loaded.has(key)) {
    loaded.set(key, new Promise((resolve) => {
      const node = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      node.addEventListener("load", () => resolve(true));
      node.addEventListener("error", () => resolve(false));
      document.head.appendChild(node);
    }));
  }
  return loaded.get(key);
}

const script = (name) => load("script", { src: `/static/vendor/${name}` });
const style = (name) => load("link", { rel: "stylesheet", href: `/static/vendor/${name}` });

/** window.d3, or null without vendor/. */
export async function d3lib() {
  return (await script("d3.min.js")) ? window.d3 : null;
}

/** window.cytoscape, or null. */
export async function cytoscapeLib() {
  return (await script("cytoscape.min.js")) ? window.cytoscape : null;
}

/** Leaflet with Leaflet.markercluster (window.L), or null. The plugin needs Leaflet loaded first. */
export async function leafletLib() {
  const [ok, ...css] = await Promise.all([
    script("leaflet.js"), style("leaflet.css"), style("MarkerCluster.css"), style("MarkerCluster.Default.css"),
  ]);
  if (!ok || css.includes(false)) return null;
  return (await script("leaflet.markercluster.js")) && window.L.markerClusterGroup ? window.L : null;
}

export function missingNote(what) {
  return el("p", { class: "muted vendor-missing", role: "note" },
    `The ${what} needs the page's charting libraries, which are not installed: run scripts/setup-web.sh `
    + "(it vendors them from npm into src/newsevents/server/static/vendor/) and reload.");
}

/** Call draw(width) once the node is in the page and has a width, and again when the width changes. */
export function whenSized(node, draw) {
  let last = 0;
  const observer = new ResizeObserver(() => {
    const width = Math.round(node.clientWidth);
    if (!node.isConnected) { if (last) observer.disconnect(); return; }  // gone after a re-render
    if (width > 0 && Math.abs(width - last) > 4) {
      last = width;
      draw(width);
    }
  });
  observer.observe(node);
  return node;
}
