// DOM helpers. Everything that comes from an article is untrusted: it only ever reaches the page as
// text nodes (textContent / createTextNode) or as attribute values set with setAttribute on a fixed
// allow-list of attribute names — never through innerHTML.

const SVG_NS = "http://www.w3.org/2000/svg";
const SAFE_ATTRS = new Set([
  "class", "id", "href", "title", "type", "name", "value", "placeholder", "for", "rows", "cols",
  "role", "aria-label", "colspan", "min", "max", "step", "selected", "disabled", "tabindex",
  "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "d", "fill",
  "stroke", "stroke-width", "stroke-opacity", "fill-opacity", "opacity", "text-anchor",
  "dominant-baseline", "font-size", "transform", "preserveAspectRatio",
]);

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("data-") || SAFE_ATTRS.has(key)) {
      if (key === "href" && !/^(#|\/|https?:)/.test(String(value))) continue; // no javascript: URLs
      node.setAttribute(key, String(value));
    } else {
      throw new Error(`attribute not allowed: ${key}`);
    }
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("a", {href: "#/x"}, "text", otherNode). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** An SVG element. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return append(node, children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export async function api(path, options = {}) {
  const response = await fetch(path, {
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    ...options,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || body);
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

/** The page of one knowledge-base actor. */
export function actorHref(kbId) {
  return `#/actor/${encodeURIComponent(kbId)}`;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

// PLOVER types get a fixed colour each, so one type looks the same in the table, timeline, network and map.
const PLOVER = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];
const TYPE_COLOURS = [
  "#1b9e77", "#377eb8", "#66a61e", "#a6d854", "#4daf4a", "#80b1d3", "#b3b3b3", "#984ea3",
  "#e7298a", "#fb8072", "#ff7f00", "#e6ab02", "#a65628", "#8c6d31", "#d95f02", "#e41a1c",
];
export function typeColour(type) {
  const k = PLOVER.indexOf(String(type).toUpperCase());
  if (k >= 0) return TYPE_COLOURS[k];
  let h = 0;
  for (const ch of String(type)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360} 45% 45%)`;
}

export function legend(types) {
  return el("ul", { class: "legend" },
    types.map((t) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = typeColour(t);
      return el("li", { "data-type": t }, swatch, t);
    }));
}

/** Floating tooltip holding plain-text lines. */
export function showTooltip(event, lines) {
  const tip = document.getElementById("tooltip");
  clear(tip);
  for (const line of lines) tip.appendChild(el("div", { class: line.startsWith("— ") ? "tip-head" : "" }, line));
  tip.hidden = false;
  tip.style.left = `${Math.min(event.pageX + 12, window.scrollX + window.innerWidth - 340)}px`;
  tip.style.top = `${event.pageY + 14}px`;
}

export function hideTooltip() {
  document.getElementById("tooltip").hidden = true;
}
