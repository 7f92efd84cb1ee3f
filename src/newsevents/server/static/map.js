// The map of event places: Leaflet over the committed Natural Earth land outline (a GeoJSON layer; there is
// no tile layer, the server has no internet), in an equirectangular projection (L.CRS.EPSG4326) so the
// poles are not blown up. Leaflet.markercluster groups nearby places; a cluster shows the number of events
// in it and opens on click. Place names go into tooltips as DOM text nodes, never as HTML strings.

import { el, typeColour } from "./dom.js";
import { leafletLib, missingNote, whenSized } from "./vendor.js";

let worldCache = null;
function world() {
  if (!worldCache) worldCache = fetch("/static/world-land-110m.json").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  return worldCache;
}

/**
 * Rings crossing the antimeridian (Russia, Fiji, Antarctica) jump from +180 to -180; Leaflet would draw that
 * jump as a band across the whole map. Unwrap each ring into continuous longitudes, then add a copy shifted
 * by 360° where it sticks out past ±180, so both ends of the world show their piece.
 */
function unwrap(ring) {
  let shift = 0;
  let previous = null;
  return ring.map(([lon, lat]) => {
    if (previous !== null && lon + shift - previous > 180) shift -= 360;
    else if (previous !== null && lon + shift - previous < -180) shift += 360;
    previous = lon + shift;
    return [lat, lon + shift];
  });
}

function landLatLngs(land) {
  const polygons = [];
  for (const feature of land ? land.features : []) {
    const g = feature.geometry;
    for (const poly of g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : []) {
      const rings = poly.map(unwrap);
      const lons = rings[0].map(([, lon]) => lon);
      polygons.push(rings);
      if (Math.max(...lons) > 180) polygons.push(rings.map((r) => r.map(([lat, lon]) => [lat, lon - 360])));
      if (Math.min(...lons) < -180) polygons.push(rings.map((r) => r.map(([lat, lon]) => [lat, lon + 360])));
    }
  }
  return polygons;
}

function placeTooltip(p) {
  return el("div", null, el("strong", null, p.name), p.country ? ` (${p.country})` : "",
    el("div", null, `${p.n} event${p.n === 1 ? "" : "s"}: ${p.types.join(", ")}`));
}

function dotIcon(L, p, maxN) {
  const size = Math.round(10 + 14 * Math.sqrt(p.n / maxN));
  const dot = el("div", { class: "place-dot", "data-n": p.n });
  dot.style.background = typeColour(p.types[0] || "");
  return L.divIcon({ html: dot, className: "place-marker", iconSize: [size, size] });
}

function clusterIcon(L, cluster) {
  const events = cluster.getAllChildMarkers().reduce((s, m) => s + m.options.n, 0);
  const size = events < 10 ? "small" : events < 100 ? "medium" : "large";
  const html = el("div", null, el("span", null, String(events)));
  return L.divIcon({ html, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(40, 40) });
}

export async function mapChart(places) {
  const L = await leafletLib();
  const note = places.length ? null : el("p", { class: "muted" }, "No geocoded event places match.");
  if (!L) return el("div", null, missingNote("map"), note);
  const land = await world();
  const holder = el("div", { class: "map-holder", id: "map-leaflet", role: "img", "aria-label": "map of event places" });
  whenSized(holder, () => {
    if (holder.map) { holder.map.invalidateSize(); return; }
    const map = L.map(holder, { crs: L.CRS.EPSG4326, zoomSnap: 0.25, minZoom: 0, maxZoom: 9, worldCopyJump: false,
      maxBounds: [[-95, -240], [95, 240]], attributionControl: true });
    holder.map = map; // for the browser tests and the console
    map.attributionControl.setPrefix(false).addAttribution("Land: Natural Earth");
    L.polygon(landLatLngs(land), { interactive: false, color: "#b9b2a2", weight: 0.6, fillColor: "#d9d4c7", fillOpacity: 1 }).addTo(map);
    const maxN = Math.max(1, ...places.map((p) => p.n));
    const group = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, spiderfyOnMaxZoom: true,
      iconCreateFunction: (cluster) => clusterIcon(L, cluster) });
    for (const p of places) {
      const marker = L.marker([p.lat, p.lon], { icon: dotIcon(L, p, maxN), n: p.n, keyboard: false });
      marker.bindTooltip(placeTooltip(p), { direction: "top" });
      group.addLayer(marker);
    }
    map.addLayer(group);
    holder.clusters = group;
    if (places.length) map.fitBounds(group.getBounds().pad(0.1), { maxZoom: 3 });
    else map.fitWorld();
  });
  return el("div", null, holder, note,
    el("p", { class: "muted small-print" }, "Circles: places (colour: one of their event types; hover for all); numbered: clusters of nearby places with their event count — click to open."));
}
