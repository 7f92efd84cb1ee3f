// The single-page app: hash routes #/ (articles), #/article/<id>, #/events?<filters>, #/actors, #/actor/<kb_id>,
// #/try.

import { actorHref, api, clear, el, query, typeColour } from "./dom.js";
import { renderArticle } from "./article.js";
import { actorView, actorsView } from "./actor.js";
import { DEFAULT_TOP, mapChart, networkChart, timelineChart } from "./charts.js";

const main = document.getElementById("main");
const FILTERS = ["type", "actor", "country", "place", "date_from", "date_to", "q"];

function errorBox(err) {
  return el("p", { class: "error", role: "alert" }, String(err.message || err));
}

async function articlesView(params) {
  const offset = Number(params.get("offset") || 0);
  const [page, stats] = await Promise.all([api(`/api/articles${query({ limit: 50, offset, q: params.get("q") })}`), api("/api/stats")]);
  const search = el("input", { type: "search", name: "q", placeholder: "search title or text", value: params.get("q") || "" });
  const form = el("form", { class: "filters" }, search, el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); location.hash = `#/${query({ q: search.value })}`; });
  const t = stats.tables;
  const summary = el("p", { id: "stats", class: "muted" },
    `${t.articles} articles · ${t.events} events · ${t.quotes} quotes · ${t.actors} actors`
    + (stats.first_date ? ` · events dated ${stats.first_date} to ${stats.last_date}` : ""));
  const rows = page.items.map((a) => el("tr", null,
    el("td", null, el("a", { href: `#/article/${encodeURIComponent(a.id)}`, class: "article-link" }, a.title || a.id)),
    el("td", null, a.date || ""), el("td", null, a.source || ""),
    el("td", { class: "num" }, String(a.n_quotes)), el("td", { class: "num" }, String(a.n_events)),
    el("td", { class: "num" }, String(a.n_actors))));
  const table = page.items.length
    ? el("table", { id: "article-table" },
      el("thead", null, el("tr", null, ["Article", "Date", "Source", "Quotes", "Events", "Actors"].map((h) => el("th", null, h)))),
      el("tbody", null, rows))
    : el("p", { class: "muted" }, "No articles. Ingest some with `newsevents ingest`, or use “Try it”.");
  const pager = el("p", null,
    offset > 0 ? el("a", { href: `#/${query({ q: params.get("q"), offset: Math.max(0, offset - 50) })}` }, "← previous") : null, " ",
    offset + 50 < page.total ? el("a", { href: `#/${query({ q: params.get("q"), offset: offset + 50 })}` }, "next →") : null);
  return [el("h2", null, "Articles"), summary, form, table, pager];
}

async function articleView(id) {
  const result = await api(`/api/articles/${encodeURIComponent(id)}`);
  const box = el("div", null);
  renderArticle(box, result);
  return [box];
}

function filterForm(params, types) {
  const inputs = {
    type: el("select", { name: "type" }, el("option", { value: "" }, "any type"),
      types.map((t) => el("option", { value: t, selected: params.get("type") === t }, t))),
    actor: el("input", { name: "actor", placeholder: "actor or recipient", value: params.get("actor") || "" }),
    country: el("input", { name: "country", placeholder: "ISO3 e.g. IRN", value: params.get("country") || "", class: "short" }),
    place: el("input", { name: "place", placeholder: "place", value: params.get("place") || "" }),
    date_from: el("input", { name: "date_from", placeholder: "from YYYY-MM-DD", value: params.get("date_from") || "", class: "short" }),
    date_to: el("input", { name: "date_to", placeholder: "to YYYY-MM-DD", value: params.get("date_to") || "", class: "short" }),
    q: el("input", { name: "q", type: "search", placeholder: "evidence text", value: params.get("q") || "" }),
  };
  const form = el("form", { class: "filters", id: "event-filters" }, Object.values(inputs), el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = Object.fromEntries(FILTERS.map((k) => [k, inputs[k].value.trim()]));
    location.hash = `#/events${query({ ...values, top: params.get("top") })}`;
  });
  return form;
}

function participant(p) {
  if (!p) return "";
  return p.kb_id ? el("a", { href: actorHref(p.kb_id), class: "actor-link" }, p.name) : p.name;
}

function eventTable(page) {
  if (!page.items.length) return el("p", { class: "muted" }, "No events match.");
  return el("table", { id: "event-table" },
    el("thead", null, el("tr", null, ["Date", "Type", "Actor", "Recipient", "Place", "Evidence"].map((h) => el("th", null, h)))),
    el("tbody", null, page.items.map((e) => {
      const badge = el("span", { class: "badge" }, e.type);
      badge.style.background = typeColour(e.type);
      return el("tr", null, el("td", null, e.date || ""), el("td", null, badge),
        el("td", null, participant(e.actor)), el("td", null, participant(e.recipient)),
        el("td", null, e.location ? e.location.name : ""),
        el("td", null, el("a", { href: `#/article/${encodeURIComponent(e.article_id)}` }, e.evidence.text)));
    })));
}

async function eventsView(params) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k)]));
  const offset = Number(params.get("offset") || 0);
  const top = Number(params.get("top")) || DEFAULT_TOP;
  // The timeline ignores the date filters: it shows the whole span with the chosen range brushed on it.
  const undatedFilters = { ...filters, date_from: null, date_to: null };
  const [stats, page, timeline, network, places] = await Promise.all([
    api("/api/stats"),
    api(`/api/events${query({ ...filters, limit: 100, offset })}`),
    api(`/api/timeline${query({ ...undatedFilters, interval: "day" })}`),
    api(`/api/network${query({ ...filters, max_edges: 2000 })}`),
    api(`/api/places${query(filters)}`),
  ]);
  const types = stats.events_by_type.map((c) => c.key);
  const here = (changes) => `#/events${query({ ...filters, top: params.get("top"), ...changes })}`;
  const more = offset + 100 < page.total ? el("a", { href: here({ offset: offset + 100 }) }, "next 100 →") : null;
  const onBrush = (from, to) => { location.hash = here({ date_from: from, date_to: to }); };
  const onActor = (name) => { location.hash = here({ actor: name }); };
  const networkBox = el("section", { class: "chart-box", id: "network" }, el("h3", null, "Actor network"));
  const drawNetwork = async (n) => {
    history.replaceState(null, "", here({ top: n === DEFAULT_TOP ? null : n }));
    const chart = await networkChart(network, { top: n, onTop: drawNetwork, onActor });
    while (networkBox.childNodes.length > 1) networkBox.removeChild(networkBox.lastChild);
    networkBox.appendChild(chart);
  };
  networkBox.appendChild(await networkChart(network, { top, onTop: drawNetwork, onActor }));
  const [timelineNode, mapNode] = await Promise.all([
    timelineChart(timeline, { key: JSON.stringify(undatedFilters), selection: [filters.date_from, filters.date_to], onBrush }),
    mapChart(places),
  ]);
  const dates = filters.date_from || filters.date_to
    ? el("span", null, ` dated ${filters.date_from || "…"} to ${filters.date_to || "…"} `,
      el("a", { href: here({ date_from: null, date_to: null }), id: "clear-dates" }, "(all dates)"))
    : null;
  return [
    el("h2", null, "Events"), filterForm(params, types),
    el("p", { class: "muted", id: "event-count" }, `${page.total} matching events`, dates),
    el("section", { class: "chart-box", id: "timeline" }, el("h3", null, "Timeline"), timelineNode),
    el("div", { class: "two-col wide-left" }, networkBox,
      el("section", { class: "chart-box", id: "map" }, el("h3", null, "Places"), mapNode)),
    el("section", null, el("h3", null, "Table"), eventTable(page), more),
  ];
}

function tryView() {
  const text = el("textarea", { id: "try-text", rows: 12, placeholder: "Paste a news article here…" });
  const date = el("input", { id: "try-date", name: "date", placeholder: "date YYYY-MM-DD (optional)", class: "short" });
  const status = el("p", { id: "try-status", class: "muted" });
  const output = el("div", { id: "try-result" });
  const form = el("form", { id: "try-form" }, text, el("div", { class: "filters" }, date, el("button", { type: "submit", id: "try-submit" }, "Extract")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    status.textContent = "Extracting…";
    clear(output);
    try {
      const body = { text: text.value };
      if (date.value.trim()) body.date = date.value.trim();
      const result = await api("/api/extract", { method: "POST", body: JSON.stringify(body) });
      status.textContent = `${result.quotes.length} quotes, ${result.events.length} events, ${result.actors.length} actors (nothing stored)`;
      renderArticle(output, result);
    } catch (err) {
      status.textContent = "";
      output.appendChild(errorBox(err));
    }
  });
  return [el("h2", null, "Try it"), el("p", { class: "muted" }, "The article is analysed on this server and not stored."), form, status, output];
}

async function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, search] = hash.split("?");
  const params = new URLSearchParams(search || "");
  const section = path.startsWith("article/") ? "articles" : path.startsWith("actor/") ? "actors" : path || "articles";
  for (const link of document.querySelectorAll("nav a[data-nav]")) {
    link.classList.toggle("active", link.getAttribute("data-nav") === section);
  }
  document.body.setAttribute("data-view", "loading");
  let content;
  try {
    if (path.startsWith("article/")) content = await articleView(decodeURIComponent(path.slice(8)));
    else if (path.startsWith("actor/")) content = await actorView(decodeURIComponent(path.slice(6)));
    else if (path === "events") content = await eventsView(params);
    else if (path === "actors") content = await actorsView(params);
    else if (path === "try") content = tryView();
    else content = await articlesView(params);
  } catch (err) {
    content = [errorBox(err)];
  }
  clear(main);
  for (const node of content) if (node) main.appendChild(node);
  document.body.setAttribute("data-view", path.split("/")[0] || "articles");
}

window.addEventListener("hashchange", route);
route();
