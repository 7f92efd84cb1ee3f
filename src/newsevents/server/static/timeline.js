// The timeline: stacked event counts per PLOVER type on a true time axis (d3 scaleUtc), so a gap of
// years shows as a gap. Scroll to zoom, drag to pan; the bar width follows the zoom (day, week, month, year
// or decade: the finest whose bars stay readable). With options.onBrush, a band under the axis takes a
// brush: the dragged range becomes the date_from/date_to filter of the rest of the page.

import { clear, el, legend, typeColour } from "./dom.js";
import { d3lib, missingNote, whenSized } from "./vendor.js";

const DAY = 864e5;
const MIN_BAR_PX = 5;
const MIN_SPAN_DAYS = 10; // the deepest zoom shows about this many days
const views = new Map(); // options.key -> the visible domain, kept when the view re-renders after a brush

function bins(d3) {
  const day = d3.utcFormat("%Y-%m-%d");
  return [
    { name: "day", days: 1, interval: d3.utcDay, label: day },
    { name: "week", days: 7, interval: d3.utcMonday, label: (d) => `week of ${day(d)}` },
    { name: "month", days: 30.44, interval: d3.utcMonth, label: d3.utcFormat("%Y-%m") },
    { name: "year", days: 365.25, interval: d3.utcYear, label: d3.utcFormat("%Y") },
    { name: "decade", days: 3652.5, interval: d3.utcYear.every(10), label: (d) => `${d.getUTCFullYear()}s` },
  ];
}

/** [start, end) of an ISO date of year, month or day precision, as UTC Dates. */
export function period(text) {
  const [y, m, d] = String(text).split("-").map(Number);
  if (!y) return null;
  if (!m) return [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y + 1, 0, 1))];
  if (!d) return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 1))];
  const start = new Date(Date.UTC(y, m - 1, d));
  return [start, new Date(start.getTime() + DAY)];
}

/** Sum the day buckets into bins of one level; each bin: {t0, t1, label, total, n: Map(type -> count)}. */
function aggregate(days, level) {
  const out = new Map();
  for (const { t, type, n } of days) {
    const t0 = level.interval.floor(t);
    const key = t0.getTime();
    if (!out.has(key)) out.set(key, { t0, t1: level.interval.offset(t0, 1), label: level.label(t0), total: 0, n: new Map() });
    const bin = out.get(key);
    bin.total += n;
    bin.n.set(type, (bin.n.get(type) || 0) + n);
  }
  return [...out.values()];
}

/**
 * data: {buckets: [{bucket: "YYYY-MM-DD", type, n}], undated}. options: {id, key, selection: [from, to] ISO
 * strings or null, onBrush(from, to) (nulls clear the filter)}.
 */
export async function timelineChart(data, options = {}) {
  const days = data.buckets.map((b) => ({ t: new Date(`${b.bucket}T00:00:00Z`), type: b.type, n: b.n }))
    .filter((b) => !Number.isNaN(b.t.getTime()));
  const undated = data.undated ? el("p", { class: "muted" },
    data.undated === 1 ? "1 event has no day-precision date and is not drawn." : `${data.undated} events have no day-precision date and are not drawn.`) : null;
  if (!days.length) return el("p", { class: "muted empty-chart" }, "No dated events.", " ", undated);
  const d3 = await d3lib();
  if (!d3) return el("div", null, missingNote("timeline"), undated);

  const types = [...new Set(days.map((b) => b.type))].sort();
  const levels = bins(d3);
  const cache = new Map();
  const binsOf = (level) => cache.get(level.name) || cache.set(level.name, aggregate(days, level)).get(level.name);
  let [lo, hi] = d3.extent(days, (b) => b.t);
  hi = new Date(hi.getTime() + DAY);
  const pad = Math.max((hi - lo) * 0.02, 15 * DAY);
  const full = [new Date(lo.getTime() - pad), new Date(hi.getTime() + pad)];
  const selection = options.selection && options.selection.some(Boolean)
    ? [period(options.selection[0] || "0001")?.[0] || full[0], period(options.selection[1] || "9999")?.[1] || full[1]] : null;

  const binName = el("span", { class: "muted", id: `${options.id || "timeline-svg"}-bin` });
  const buttons = ["zoom in", "zoom out", "reset"].map((label) => el("button", { type: "button", class: "small", "data-zoom": label }, label));
  const holder = el("div", { class: "timeline-holder" });
  const help = options.onBrush
    ? "Scroll or use the buttons to zoom, drag to pan; drag in the grey band under the axis to filter the page by date (click the band to clear)."
    : "Scroll or use the buttons to zoom, drag to pan.";

  whenSized(holder, (width) => {
    clear(holder);
    const H = options.onBrush ? 250 : 220;
    const m = { top: 12, right: 14, bottom: options.onBrush ? 58 : 26, left: 50 };
    const plotBottom = H - m.bottom;
    const x0 = d3.scaleUtc().domain(full).range([m.left, width - m.right]);
    let x = x0;
    const y = d3.scaleLinear().range([plotBottom, m.top]);
    const id = options.id || "timeline-svg";
    const svg = d3.select(holder).append("svg").attr("id", id).attr("class", "chart timeline")
      .attr("width", width).attr("height", H).attr("role", "img").attr("aria-label", "events per type over time");
    svg.append("clipPath").attr("id", `${id}-clip`).append("rect")
      .attr("x", m.left).attr("y", 0).attr("width", width - m.left - m.right).attr("height", H);
    svg.append("rect").attr("class", "zoom-surface").attr("x", m.left).attr("y", m.top)
      .attr("width", width - m.left - m.right).attr("height", plotBottom - m.top);
    const gBars = svg.append("g").attr("class", "bars").attr("clip-path", `url(#${id}-clip)`);
    const gX = svg.append("g").attr("class", "x-axis").attr("transform", `translate(0,${plotBottom})`);
    const gY = svg.append("g").attr("class", "y-axis").attr("transform", `translate(${m.left},0)`);
    svg.append("text").attr("class", "axis-title").attr("transform", `translate(11,${(m.top + plotBottom) / 2}) rotate(-90)`)
      .attr("text-anchor", "middle").text("events");

    let brush = null;
    let gBrush = null;
    if (options.onBrush) {
      const top = plotBottom + 26;
      svg.append("rect").attr("class", "brush-band").attr("x", m.left).attr("y", top)
        .attr("width", width - m.left - m.right).attr("height", 20);
      brush = d3.brushX().extent([[m.left, top], [width - m.right, top + 20]]).on("end", (event) => {
        if (!event.sourceEvent) return; // moved by the code (zoom), not by the user
        if (!event.selection) { options.onBrush(null, null); return; }
        const [a, b] = event.selection.map((px) => x.invert(px));
        const from = d3.utcDay.floor(a);
        const to = new Date(Math.max(from.getTime(), d3.utcDay.ceil(b).getTime() - DAY));
        const day = d3.utcFormat("%Y-%m-%d");
        options.onBrush(day(from), day(to));
      });
      gBrush = svg.append("g").attr("class", "brush").call(brush);
    }

    function render() {
      const [t0, t1] = x.domain();
      const plotWidth = width - m.left - m.right;
      const spanDays = (t1 - t0) / DAY;
      const level = levels.find((l) => (spanDays / l.days) * MIN_BAR_PX <= plotWidth) || levels[levels.length - 1];
      const visible = binsOf(level).filter((b) => b.t1 > t0 && b.t0 < t1);
      y.domain([0, Math.max(1, d3.max(visible, (b) => b.total) || 1)]).nice();
      gBars.selectAll("*").remove();
      for (const bin of visible) {
        const left = x(bin.t0);
        const barWidth = Math.max(1, x(bin.t1) - left - (x(bin.t1) - left > 4 ? 1 : 0));
        let base = 0;
        for (const type of types) {
          const n = bin.n.get(type);
          if (!n) continue;
          gBars.append("rect").attr("class", "bar").attr("x", left).attr("width", barWidth)
            .attr("y", y(base + n)).attr("height", Math.max(0.5, y(base) - y(base + n))).attr("fill", typeColour(type))
            .append("title").text(`${bin.label} · ${type}: ${n}`);
          base += n;
        }
      }
      gX.call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(plotWidth / 90))));
      gY.call(d3.axisLeft(y).tickValues(y.ticks(4).filter(Number.isInteger)).tickFormat(d3.format("d")));
      binName.textContent = `bars per ${level.name} · ${d3.utcFormat("%Y-%m-%d")(t0)} to ${d3.utcFormat("%Y-%m-%d")(t1)}`;
      binName.setAttribute("data-bin", level.name);
      if (brush) {
        const span = selection ? [Math.max(m.left, x(selection[0])), Math.min(width - m.right, x(selection[1]))] : null;
        gBrush.call(brush.move, span && span[1] - span[0] >= 1 ? span : null);
      }
    }

    const maxK = Math.max(1, (full[1] - full[0]) / (MIN_SPAN_DAYS * DAY));
    const zoom = d3.zoom().scaleExtent([1, maxK])
      .extent([[m.left, 0], [width - m.right, H]]).translateExtent([[m.left, 0], [width - m.right, H]])
      .filter((event) => !event.button && !event.target.closest(".brush") && (event.type === "wheel" || !event.ctrlKey))
      .on("zoom", (event) => {
        x = event.transform.rescaleX(x0);
        if (options.key) views.set(options.key, x.domain());
        render();
      });
    svg.call(zoom).on("dblclick.zoom", null);
    for (const button of buttons) {
      button.onclick = () => {
        const what = button.getAttribute("data-zoom");
        if (what === "reset") svg.call(zoom.transform, d3.zoomIdentity);
        else svg.call(zoom.scaleBy, what === "zoom in" ? 2 : 0.5);
      };
    }
    const saved = options.key && views.get(options.key);
    if (saved) {
      const k = (x0.range()[1] - x0.range()[0]) / Math.max(1, x0(saved[1]) - x0(saved[0]));
      svg.call(zoom.transform, d3.zoomIdentity.translate(m.left - k * x0(saved[0]), 0).scale(k));
    } else {
      render();
    }
  });

  return el("div", null, el("div", { class: "chart-controls" }, buttons, binName), holder,
    legend(types), el("p", { class: "muted small-print" }, help), undated);
}
