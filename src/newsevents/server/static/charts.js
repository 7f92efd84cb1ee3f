// The events view's charts, each drawn by a library vendored from npm (scripts/setup-web.sh):
// the timeline with d3 (timeline.js), the actor network with cytoscape.js (network.js) and the map with
// Leaflet + Leaflet.markercluster (map.js). Each degrades to a note when vendor/ is missing.

export { timelineChart, period } from "./timeline.js";
export { networkChart, topNetwork, DEFAULT_TOP } from "./network.js";
export { mapChart } from "./map.js";
