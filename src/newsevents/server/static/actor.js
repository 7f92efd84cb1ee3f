// The page of one knowledge-base actor (#/actor/<kb_id>), from GET /api/actors/{kb_id}: who it is, its
// events over time (the same d3 timeline as the events view), its counterparts with counts per type, its
// events and its quotes across articles. Degrades to a note when the store or the server has no such actor.

import { actorHref, api, el, query, typeColour } from "./dom.js";
import { timelineChart } from "./charts.js";

function badge(type, n) {
  const node = el("span", { class: "badge" }, n === undefined ? type : `${type} ${n}`);
  node.style.background = typeColour(type);
  return node;
}

function nameLink(side) {
  if (!side) return "";
  return side.kb_id ? el("a", { href: actorHref(side.kb_id), class: "actor-link" }, side.name)
    : el("a", { href: `#/events${query({ actor: side.name })}` }, side.name);
}

function articleLink(record) {
  const label = record.article_title || record.article_id;
  return el("a", { href: `#/article/${encodeURIComponent(record.article_id)}` }, label,
    record.article_date ? el("span", { class: "muted" }, ` (${record.article_date})`) : null);
}

/** Day-precision event dates as /api/timeline buckets, so the events view's timeline can draw them. */
export function actorTimeline(events) {
  const counts = new Map();
  let undated = 0;
  for (const e of events) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date || "")) { undated += 1; continue; }
    const key = JSON.stringify([e.date, e.type]);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const buckets = [...counts.entries()].map(([key, n]) => { const [bucket, type] = JSON.parse(key); return { bucket, type, n }; })
    .sort((a, b) => a.bucket.localeCompare(b.bucket) || a.type.localeCompare(b.type));
  return { interval: "day", buckets, undated };
}

function counterpartTable(profile) {
  if (!profile.counterparts.length) return el("p", { class: "muted" }, "No events with another actor.");
  return el("table", { id: "counterpart-table" },
    el("thead", null, el("tr", null, ["Counterpart", "Country", "Events", "Types"].map((h) => el("th", null, h)))),
    el("tbody", null, profile.counterparts.map((c) => el("tr", null,
      el("td", null, nameLink(c)), el("td", null, c.country || ""), el("td", { class: "num" }, String(c.n)),
      el("td", null, c.types.map((t) => [badge(t.key, t.n), " "]))))));
}

function eventTable(profile) {
  if (!profile.events.length) return el("p", { class: "muted" }, "No events.");
  return el("table", { id: "actor-event-table" },
    el("thead", null, el("tr", null, ["Date", "Type", "Role", "Counterpart", "Evidence", "Article"].map((h) => el("th", null, h)))),
    el("tbody", null, profile.events.map((e) => el("tr", null,
      el("td", null, e.date || ""), el("td", null, badge(e.type)), el("td", null, e.role),
      el("td", null, nameLink(e.role === "actor" ? e.recipient : e.actor)),
      el("td", null, e.evidence.text), el("td", null, articleLink(e))))));
}

function quoteList(profile) {
  if (!profile.quotes.length) return el("p", { class: "muted" }, "No quotes.");
  return el("ol", { id: "actor-quotes", class: "quotes" }, profile.quotes.map((q) => el("li", null,
    el("q", null, q.content.text), el("span", { class: "muted" }, ` — ${q.kind}, `), articleLink(q))));
}

export async function actorView(kbId) {
  let profile;
  try {
    profile = await api(`/api/actors/${encodeURIComponent(kbId)}`);
  } catch (err) {
    const text = String(err.message || err);
    // FastAPI's own 404 for an unknown route says just "Not Found": this server has no actor pages.
    const message = text === "404: Not Found"
      ? "This server has no actor pages (GET /api/actors/{kb_id} is missing): update newsevents."
      : text.startsWith("404") ? `No actor with knowledge-base id “${kbId}” in this store.` : text;
    return [el("h2", null, "Actor"), el("p", { class: "error", role: "alert", id: "actor-missing" }, message)];
  }
  const facts = [profile.kind, profile.country, profile.sector, profile.code && `code ${profile.code}`, `kb ${profile.kb_id}`].filter(Boolean);
  const span = profile.first_date ? ` · ${profile.first_date} to ${profile.last_date}` : "";
  const others = profile.names.filter((n) => n.name !== profile.name);
  const shown = profile.events.length < profile.n_events
    ? el("p", { class: "muted" }, `The timeline and table show the first ${profile.events.length} of ${profile.n_events} events.`) : null;
  return [
    el("h2", { id: "actor-name" }, profile.name),
    el("p", { class: "muted", id: "actor-facts" }, facts.join(" · ")),
    others.length ? el("p", { class: "muted" }, "Named in articles as: ", others.map((n) => `${n.name} (${n.n})`).join(", ")) : null,
    el("p", { id: "actor-counts" }, `${profile.n_articles} articles · ${profile.n_events} events · ${profile.n_quotes} quotes${span} · `,
      el("a", { href: `#/events${query({ actor: profile.name })}` }, "in the events view")),
    el("p", null, profile.events_by_type.map((t) => [badge(t.key, t.n), " "])),
    el("section", { class: "chart-box", id: "actor-timeline" }, el("h3", null, "Events over time"),
      await timelineChart(actorTimeline(profile.events), { id: "actor-timeline-svg", key: `actor:${kbId}` }), shown),
    el("div", { class: "two-col" },
      el("section", { class: "chart-box" }, el("h3", null, "Counterparts"), counterpartTable(profile)),
      el("section", { class: "chart-box" }, el("h3", null, `Quotes (${profile.n_quotes})`), quoteList(profile))),
    el("section", null, el("h3", null, "Events"), eventTable(profile)),
  ];
}

/** #/actors: actors across articles, most mentioned first; those with a kb_id link to their page. */
export async function actorsView(params) {
  const offset = Number(params.get("offset") || 0);
  const filters = { name: params.get("name"), country: params.get("country"), kind: params.get("kind") };
  const page = await api(`/api/actors${query({ ...filters, limit: 50, offset })}`);
  const name = el("input", { type: "search", name: "name", placeholder: "name contains", value: filters.name || "" });
  const country = el("input", { name: "country", placeholder: "ISO3 e.g. IRN", value: filters.country || "", class: "short" });
  const kind = el("select", { name: "kind" }, el("option", { value: "" }, "any kind"),
    ["PERSON", "ORG", "GPE", "NORP", "OTHER"].map((k) => el("option", { value: k, selected: filters.kind === k }, k)));
  const form = el("form", { class: "filters", id: "actor-filters" }, name, country, kind, el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = `#/actors${query({ name: name.value.trim(), country: country.value.trim(), kind: kind.value })}`;
  });
  const rows = page.items.map((a) => el("tr", null,
    el("td", null, a.kb_id ? el("a", { href: actorHref(a.kb_id), class: "actor-link" }, a.name) : a.name),
    el("td", null, a.kind), el("td", null, a.country || ""), el("td", { class: "num" }, String(a.n_articles)),
    el("td", { class: "num" }, String(a.n_mentions)),
    el("td", { class: "num" }, a.n_events ? el("a", { href: `#/events${query({ actor: a.name })}` }, String(a.n_events)) : "0")));
  const table = page.items.length
    ? el("table", { id: "actor-table" },
      el("thead", null, el("tr", null, ["Actor", "Kind", "Country", "Articles", "Mentions", "Events"].map((h) => el("th", null, h)))),
      el("tbody", null, rows))
    : el("p", { class: "muted" }, "No actors match.");
  const pager = el("p", null,
    offset > 0 ? el("a", { href: `#/actors${query({ ...filters, offset: Math.max(0, offset - 50) })}` }, "← previous") : null, " ",
    offset + 50 < page.total ? el("a", { href: `#/actors${query({ ...filters, offset: offset + 50 })}` }, "next →") : null);
  const linked = page.items.filter((a) => a.kb_id).length;
  return [el("h2", null, "Actors"), form,
    el("p", { class: "muted", id: "actor-count" }, `${page.total} actors (grouped by name, kind, country and sector); `
      + `${linked} of these ${page.items.length} have a knowledge-base page`), table, pager];
}
