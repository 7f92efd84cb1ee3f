// Charts of the events view, drawn as plain SVG: a stacked timeline of counts per PLOVER type, an actor
// network (edges = events, coloured by type) and a map of event places on the bundled world outline.
// Labels from the data go in as text nodes (<text>, <title>) only.

import { el, svg, legend, typeColour } from "./dom.js";

function empty(message) {
  return el("p", { class: "muted empty-chart" }, message);
}

export function timelineChart(data) {
  const byBucket = new Map();
  const types = new Set();
  for (const b of data.buckets) {
    if (!byBucket.has(b.bucket)) byBucket.set(b.bucket, []);
    byBucket.get(b.bucket).push(b);
    types.add(b.type);
  }
  if (!byBucket.size) return empty(`No dated events${data.undated ? ` (${data.undated} without a day-precision date)` : ""}.`);
  const buckets = [...byBucket.keys()].sort();
  const max = Math.max(...buckets.map((k) => byBucket.get(k).reduce((s, b) => s + b.n, 0)));
  const [W, H, left, bottom, top] = [900, 170, 36, 30, 10];
  const step = (W - left - 10) / buckets.length;
  const barWidth = Math.max(2, Math.min(40, step * 0.8));
  const y = (n) => top + (H - top - bottom) * (1 - n / max);
  const chart = svg("svg", { id: "timeline-svg", class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per type over time" });
  chart.appendChild(svg("line", { x1: left, y1: y(0), x2: W - 5, y2: y(0), stroke: "#888" }));
  chart.appendChild(svg("text", { x: left - 6, y: y(max) + 4, "text-anchor": "end", "font-size": 11 }, String(max)));
  chart.appendChild(svg("text", { x: left - 6, y: y(0), "text-anchor": "end", "font-size": 11 }, "0"));
  buckets.forEach((key, k) => {
    const x = left + k * step + (step - barWidth) / 2;
    let base = 0;
    for (const b of byBucket.get(key).sort((p, q) => p.type.localeCompare(q.type))) {
      chart.appendChild(svg("rect", {
        class: "bar", x, y: y(base + b.n), width: barWidth, height: y(base) - y(base + b.n), fill: typeColour(b.type),
      }, svg("title", null, `${key} · ${b.type}: ${b.n}`)));
      base += b.n;
    }
    const every = Math.ceil(buckets.length / 12);
    if (k % every === 0) {
      chart.appendChild(svg("text", { x: x + barWidth / 2, y: H - bottom + 14, "text-anchor": "middle", "font-size": 10 }, key));
    }
  });
  const note = data.undated ? el("p", { class: "muted" }, `${data.undated} matching events have no day-precision date.`) : null;
  return el("div", null, chart, legend([...types].sort()), note);
}

/** A small deterministic force layout (spring + repulsion), enough for the few hundred actors a page shows. */
function layout(nodes, edges, W, H) {
  const pos = new Map(nodes.map((n, k) => {
    const angle = (2 * Math.PI * k) / nodes.length;
    return [n.id, { x: W / 2 + (W / 3) * Math.cos(angle), y: H / 2 + (H / 3) * Math.sin(angle) }];
  }));
  const ideal = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.6;
  for (let it = 0; it < 200; it += 1) {
    const force = new Map(nodes.map((n) => [n.id, { x: 0, y: 0 }]));
    for (const a of nodes) {
      for (const b of nodes) {
        if (a.id >= b.id) continue;
        const [pa, pb] = [pos.get(a.id), pos.get(b.id)];
        const dx = pa.x - pb.x || 0.01;
        const dy = pa.y - pb.y || 0.01;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const push = (ideal * ideal) / d2;
        force.get(a.id).x += dx * push; force.get(a.id).y += dy * push;
        force.get(b.id).x -= dx * push; force.get(b.id).y -= dy * push;
      }
    }
    for (const e of edges) {
      const [pa, pb] = [pos.get(e.source), pos.get(e.target)];
      if (!pa || !pb || pa === pb) continue;
      const dx = pa.x - pb.x;
      const dy = pa.y - pb.y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const pull = (d - ideal) / d;
      force.get(e.source).x -= dx * pull * 0.5; force.get(e.source).y -= dy * pull * 0.5;
      force.get(e.target).x += dx * pull * 0.5; force.get(e.target).y += dy * pull * 0.5;
    }
    const cool = 0.1 * (1 - it / 200);
    for (const n of nodes) {
      const p = pos.get(n.id);
      const f = force.get(n.id);
      p.x = Math.min(W - 30, Math.max(30, p.x + Math.max(-20, Math.min(20, f.x * cool)) + (W / 2 - p.x) * 0.01));
      p.y = Math.min(H - 20, Math.max(20, p.y + Math.max(-20, Math.min(20, f.y * cool)) + (H / 2 - p.y) * 0.01));
    }
  }
  return pos;
}

export function networkChart(data) {
  if (!data.edges.length) return empty("No events with both an actor and a recipient.");
  const [W, H] = [900, 520];
  const pos = layout(data.nodes, data.edges, W, H);
  const maxN = Math.max(...data.nodes.map((n) => n.n));
  const chart = svg("svg", { id: "network-svg", class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  for (const e of data.edges) {
    const [a, b] = [pos.get(e.source), pos.get(e.target)];
    if (!a || !b) continue;
    const path = e.source === e.target
      ? `M${a.x},${a.y} c 30,-40 60,0 0,0`
      : `M${a.x},${a.y} Q${(a.x + b.x) / 2 + (b.y - a.y) * 0.15},${(a.y + b.y) / 2 - (b.x - a.x) * 0.15} ${b.x},${b.y}`;
    chart.appendChild(svg("path", {
      class: "edge", d: path, fill: "none", stroke: typeColour(e.type), "stroke-width": 1 + Math.sqrt(e.n), "stroke-opacity": 0.75,
    }, svg("title", null, `${e.source} → ${e.target}: ${e.type} × ${e.n}`)));
  }
  for (const n of data.nodes) {
    const p = pos.get(n.id);
    chart.appendChild(svg("g", { class: "node" },
      svg("circle", { cx: p.x, cy: p.y, r: 4 + 8 * Math.sqrt(n.n / maxN), fill: "#fff", stroke: "#333" },
        svg("title", null, `${n.name}${n.country ? ` (${n.country})` : ""}: ${n.n} events`)),
      svg("text", { x: p.x, y: p.y - 12, "text-anchor": "middle", "font-size": 11 }, n.name)));
  }
  return el("div", null, chart, legend([...new Set(data.edges.map((e) => e.type))].sort()));
}

let worldCache = null;
async function world() {
  if (!worldCache) worldCache = fetch("/static/world-land-110m.json").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  return worldCache;
}

function ringPaths(ring, project) {
  // Rings crossing the antimeridian (Russia, Fiji, Antarctica) are unwrapped into one continuous ring, so no
  // edge runs across the whole map, then drawn again shifted by 360° where they stick out: the SVG viewport
  // clips whatever lies beyond ±180°.
  let shift = 0;
  let previous = null;
  const unwrapped = ring.map(([lon, lat]) => {
    if (previous !== null && lon + shift - previous > 180) shift -= 360;
    else if (previous !== null && lon + shift - previous < -180) shift += 360;
    previous = lon + shift;
    return [lon + shift, lat];
  });
  const lons = unwrapped.map(([lon]) => lon);
  const offsets = [0];
  if (Math.max(...lons) > 180) offsets.push(-360);
  if (Math.min(...lons) < -180) offsets.push(360);
  return offsets.map((offset) => unwrapped.map(([lon, lat], k) => {
    const [x, y] = project(lon + offset, lat);
    return `${k ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z").join("");
}

export async function mapChart(places) {
  const [W, H] = [960, 480];
  // Equirectangular projection: the outline is Natural Earth 1:110m and the points are few.
  const project = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
  const chart = svg("svg", { id: "map-svg", class: "chart map", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of event places" });
  chart.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
  for (let lon = -150; lon <= 150; lon += 30) {
    const [x] = project(lon, 0);
    chart.appendChild(svg("line", { x1: x, y1: 0, x2: x, y2: H, class: "graticule" }));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const [, y] = project(0, lat);
    chart.appendChild(svg("line", { x1: 0, y1: y, x2: W, y2: y, class: "graticule" }));
  }
  const land = await world();
  for (const feature of land ? land.features : []) {
    const g = feature.geometry;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    const d = polygons.map((poly) => poly.map((ring) => ringPaths(ring, project)).join("")).join("");
    chart.appendChild(svg("path", { class: "land", d }));
  }
  const maxN = Math.max(1, ...places.map((p) => p.n));
  for (const p of places) {
    const [x, y] = project(p.lon, p.lat);
    chart.appendChild(svg("circle", { class: "place", cx: x, cy: y, r: 3 + 9 * Math.sqrt(p.n / maxN), fill: typeColour(p.types[0] || "") },
      svg("title", null, `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.n} events — ${p.types.join(", ")}`)));
  }
  const note = places.length ? null : el("p", { class: "muted" }, "No geocoded event places match.");
  return el("div", null, chart, note);
}
