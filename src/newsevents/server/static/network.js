// The actor network (cytoscape.js): the top-N actors by events (actor or recipient), edges actor ->
// recipient weighted by their event count and coloured by the dominant PLOVER type of the pair. The data
// comes from /api/network with the page's filters, so the network follows them; N is chosen on the page.
// Cytoscape draws on a canvas, so the same nodes are also listed as text (screen readers, tests, copying).

import { clear, el, hideTooltip, legend, showTooltip, typeColour } from "./dom.js";
import { cytoscapeLib, missingNote, whenSized } from "./vendor.js";

export const DEFAULT_TOP = 30;
const LABEL_PX = 12.5;
const LAYOUT = {
  name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 60,
  nodeRepulsion: (node) => 6000 + 400 * node.data("size"), nodeOverlap: 40, gravity: 1.2, numIter: 2000, padding: 20,
  componentSpacing: 60, nestingFactor: 1, fit: false,
};

/** Keep the top-N actors by events and merge the per-type edges between them into one edge per direction. */
export function topNetwork(data, top) {
  const weight = new Map();
  for (const e of data.edges) {
    for (const end of new Set([e.source, e.target])) weight.set(end, (weight.get(end) || 0) + e.n);
  }
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const kept = new Set(ranked.slice(0, top).map(([name]) => name));
  const country = new Map(data.nodes.map((n) => [n.id, n.country]));
  const nodes = ranked.slice(0, top).map(([name, n]) => ({ id: name, name, n, country: country.get(name) || null }));
  const pairs = new Map();
  for (const e of data.edges) {
    if (!kept.has(e.source) || !kept.has(e.target)) continue;
    const key = JSON.stringify([e.source, e.target]);
    if (!pairs.has(key)) pairs.set(key, { source: e.source, target: e.target, n: 0, types: new Map() });
    const pair = pairs.get(key);
    pair.n += e.n;
    pair.types.set(e.type, (pair.types.get(e.type) || 0) + e.n);
  }
  const edges = [...pairs.values()].map((p) => {
    const types = [...p.types.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { ...p, types, dominant: types[0][0] };
  });
  return { nodes, edges, totalActors: ranked.length };
}

function describeEdge(e) {
  return [`— ${e.source} → ${e.target}: ${e.n} event${e.n === 1 ? "" : "s"}`, ...e.types.map(([t, n]) => `${t}: ${n}`)];
}

function draw(cytoscape, holder, net, onActor) {
  clear(holder);
  const maxNode = Math.max(1, ...net.nodes.map((n) => n.n));
  const maxEdge = Math.max(1, ...net.edges.map((e) => e.n));
  const elements = [
    ...net.nodes.map((n, k) => ({
      group: "nodes",
      data: { id: `n${k}`, label: n.name, size: 14 + 30 * Math.sqrt(n.n / maxNode), record: n },
      // A circle to start from; cose moves them from here deterministically (no random start).
      position: { x: 300 * Math.cos((2 * Math.PI * k) / net.nodes.length), y: 300 * Math.sin((2 * Math.PI * k) / net.nodes.length) },
    })),
  ];
  const idOf = new Map(net.nodes.map((n, k) => [n.id, `n${k}`]));
  net.edges.forEach((e, k) => elements.push({
    group: "edges",
    data: { id: `e${k}`, source: idOf.get(e.source), target: idOf.get(e.target), colour: typeColour(e.dominant),
      width: 1.2 + 6 * Math.sqrt(e.n / maxEdge), record: e },
  }));
  const cy = cytoscape({
    container: holder,
    elements,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      { selector: "node", style: {
        width: "data(size)", height: "data(size)", "background-color": "#5b7c99", "border-width": 1.5, "border-color": "#2d3e50",
        label: "data(label)", "font-size": 13, "font-family": "system-ui, sans-serif", color: "#1d232b",
        "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": "#fff", "text-outline-width": 2.5,
        "text-wrap": "ellipsis", "text-max-width": 180 } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
        "arrow-scale": 0.8, "curve-style": "bezier", opacity: 0.65 } },
      { selector: "node:selected", style: { "background-color": "#e38b06", "border-color": "#8a5200" } },
      { selector: ".faded", style: { opacity: 0.15 } },
    ],
    layout: { name: "preset" },
  });
  // Labels keep one size on screen whatever the zoom (fit() of a big network zooms out a lot).
  const labelSize = () => cy.style().selector("node").style({ "font-size": LABEL_PX / cy.zoom(), "text-max-width": 180 / cy.zoom() })
    .selector("edge").style("arrow-scale", Math.min(1.5, 0.8 / cy.zoom())).update();
  const isolated = cy.nodes().filter((n) => n.degree(false) === 0);
  const linked = cy.elements().not(isolated);
  if (linked.nonempty()) {
    linked.layout(LAYOUT).run();
    // cose lays a network out roughly round; stretch it to the box's shape so the labels get the room.
    const box = linked.boundingBox();
    const stretch = Math.min(2, (holder.clientWidth / holder.clientHeight) / Math.max(0.2, box.w / Math.max(1, box.h)));
    if (stretch > 1.05) linked.nodes().positions((n) => ({ x: n.position("x") * stretch, y: n.position("y") }));
    else if (stretch < 0.95) linked.nodes().positions((n) => ({ x: n.position("x"), y: n.position("y") / stretch }));
    cy.fit(linked, 30);
  }
  // Top actors with no link to another top actor go in rows under the rest, spaced by their label width
  // at the zoom just found (cose would pack them into one overlapping row).
  const z = linked.nonempty() ? cy.zoom() : 1;
  const box = linked.nonempty() ? linked.boundingBox() : { x1: 0, x2: holder.clientWidth, y2: 0 };
  let [x, y] = [box.x1, box.y2 + 50 / z];
  isolated.forEach((n) => {
    const width = (Math.min(180, 7.8 * n.data("label").length) + 36) / z;
    if (x + width > Math.max(box.x2, box.x1 + 400 / z)) [x, y] = [box.x1, y + 46 / z];
    n.position({ x: x + width / 2, y });
    x += width;
  });
  cy.fit(undefined, 36); // the padding leaves room for the labels, which labelSize() enlarges after the fit
  labelSize();
  holder.cy = cy; // for the browser tests and the console
  cy.on("zoom", labelSize);
  cy.on("mouseover", "node", (ev) => {
    const n = ev.target.data("record");
    showTooltip(ev.originalEvent, [`— ${n.name}${n.country ? ` (${n.country})` : ""}`, `${n.n} events as actor or recipient`, "click: filter the page by this actor"]);
    cy.elements().difference(ev.target.closedNeighborhood()).addClass("faded");
  });
  cy.on("mouseover", "edge", (ev) => showTooltip(ev.originalEvent, describeEdge(ev.target.data("record"))));
  cy.on("mouseout", "node, edge", () => { hideTooltip(); cy.elements().removeClass("faded"); });
  cy.on("tap", "node", (ev) => { hideTooltip(); onActor(ev.target.data("record").name); });
  return cy;
}

/** data: /api/network; options: {top, onTop(n), onActor(name)}. */
export async function networkChart(data, options = {}) {
  if (!data.edges.length) return el("p", { class: "muted empty-chart" }, "No events with both an actor and a recipient.");
  const top = Math.max(2, Number(options.top) || DEFAULT_TOP);
  const net = topNetwork(data, top);
  const cytoscape = await cytoscapeLib();
  const input = el("input", { type: "number", id: "network-top", name: "top", min: 2, max: 500, step: 1, value: top, class: "tiny" });
  input.addEventListener("change", () => options.onTop && options.onTop(Math.max(2, Number(input.value) || DEFAULT_TOP)));
  const caption = el("span", { class: "muted", id: "network-caption" },
    `${net.nodes.length} of ${net.totalActors} actors, ${net.edges.length} links`);
  const controls = el("div", { class: "chart-controls" }, el("label", { for: "network-top" }, "top "), input, " actors by events · ", caption);
  const list = el("details", { class: "node-list" }, el("summary", null, "the same actors as a list"),
    el("ol", { id: "network-nodes" }, net.nodes.map((n) => el("li", { "data-n": n.n }, `${n.name}${n.country ? ` (${n.country})` : ""}: ${n.n}`))));
  if (!cytoscape) return el("div", null, controls, missingNote("actor network"), list);
  const holder = el("div", { class: "network-holder", id: "network-cy", role: "img", "aria-label": "actor network" });
  whenSized(holder, () => {
    if (holder.cy) { holder.cy.resize(); holder.cy.fit(undefined, 24); return; }
    draw(cytoscape, holder, net, options.onActor || (() => {}));
  });
  return el("div", null, controls, holder, legend([...new Set(net.edges.map((e) => e.dominant))].sort()),
    el("p", { class: "muted small-print" }, "Edge colour: the most frequent event type between the two; width: number of events. Scroll to zoom, drag to pan; hover a node to see its links."),
    list);
}
