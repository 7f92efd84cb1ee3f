// The article view: the text with actor mentions, quote contents (one colour per speaker), cues and event
// triggers highlighted; hovering a highlight lists every record covering it. Side panels list quotes,
// events and actors. Used for stored articles and for "try it" results alike.

import { actorHref, el, clear, hideTooltip, showTooltip, typeColour } from "./dom.js";

const N_SPEAKER_COLOURS = 10;

function speakerKey(quote) {
  const s = quote.speaker;
  return s ? s.actor_id || s.name : "(no speaker)";
}

function describe(record) {
  const { cat, actor, mention, quote, event } = record;
  if (cat === "actor") {
    return [
      `— actor: ${actor.name} (${actor.kind})`,
      `mention: ${mention.kind}, resolved by ${mention.resolved_by}`,
      `country: ${actor.country || "?"}  sector: ${actor.sector || "?"}${actor.role ? `  role: ${actor.role}` : ""}`,
    ];
  }
  if (cat === "quote" || cat === "cue" || cat === "speaker") {
    const s = quote.speaker;
    return [
      `— ${cat === "quote" ? "quote" : cat === "cue" ? "quote cue" : "speaker"} (${quote.kind})`,
      s ? `speaker: ${s.name}, resolved by ${s.resolved_by}` : "speaker: none found",
      quote.cue ? `cue: “${quote.cue.text}”  rule: ${quote.rule}` : `rule: ${quote.rule}`,
    ];
  }
  const loc = event.location;
  return [
    `— event: ${event.type}${event.mode ? ` (${event.mode})` : ""}`,
    `${event.actor ? event.actor.name : "?"} → ${event.recipient ? event.recipient.name : "?"}`,
    `date: ${event.date || "?"}${event.date_source ? ` (from ${event.date_source})` : ""}`,
    `place: ${loc ? `${loc.name}${loc.country ? `, ${loc.country}` : ""}` : "?"}`,
    `rule: ${event.rule}${event.claimant ? `  claimed by: ${event.claimant}` : ""}`,
  ];
}

function collectSpans(result, speakerIndex) {
  const spans = [];
  for (const actor of result.actors) {
    for (const mention of actor.mentions) spans.push({ ...mention, cat: "actor", actor, mention });
  }
  for (const quote of result.quotes) {
    const colour = speakerIndex.get(speakerKey(quote)) % N_SPEAKER_COLOURS;
    spans.push({ ...quote.content, cat: "quote", quote, colour });
    if (quote.cue) spans.push({ ...quote.cue, cat: "cue", quote, colour });
    if (quote.speaker) spans.push({ ...quote.speaker.mention, cat: "speaker", quote, colour });
  }
  for (const event of result.events) spans.push({ ...event.trigger, cat: "trigger", event });
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start);
}

/** The text split at every span boundary; each piece carries the records covering it. */
function renderText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "article-text" });
  for (let k = 0; k + 1 < bounds.length; k += 1) {
    const [a, b] = [bounds[k], bounds[k + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      body.appendChild(document.createTextNode(piece));
      continue;
    }
    const classes = new Set(["hl"]);
    const quoteIds = new Set();
    const eventIds = new Set();
    for (const s of covering) {
      classes.add(`hl-${s.cat}`);
      if (s.colour !== undefined) classes.add(`spk-${s.colour}`);
      if (s.quote) quoteIds.add(s.quote.id);
      if (s.event) eventIds.add(s.event.id);
    }
    const node = el("span", {
      class: [...classes].join(" "),
      "data-quote-ids": quoteIds.size ? [...quoteIds].join(" ") : null,
      "data-event-ids": eventIds.size ? [...eventIds].join(" ") : null,
    }, piece);
    const trigger = covering.find((s) => s.cat === "trigger");
    if (trigger) node.style.outlineColor = typeColour(trigger.event.type);
    const show = (ev) => showTooltip(ev, covering.flatMap(describe));
    node.addEventListener("mouseenter", show);
    node.addEventListener("mousemove", show);
    node.addEventListener("mouseleave", hideTooltip);
    body.appendChild(node);
  }
  return body;
}

function flash(container, attr, id) {
  const hits = [...container.querySelectorAll(`[${attr}]`)].filter((n) => n.getAttribute(attr).split(" ").includes(id));
  if (!hits.length) return;
  hits[0].scrollIntoView({ block: "center", behavior: "smooth" });
  for (const n of hits) {
    n.classList.add("flash");
    setTimeout(() => n.classList.remove("flash"), 1600);
  }
}

function quotePanel(result, speakerIndex, container) {
  const speakers = [...speakerIndex.keys()];
  const legendList = el("ul", { class: "legend", id: "speaker-legend" },
    speakers.map((key) => {
      const quote = result.quotes.find((q) => speakerKey(q) === key);
      const name = quote.speaker ? quote.speaker.name : key;
      return el("li", { class: `spk-${speakerIndex.get(key) % N_SPEAKER_COLOURS}`, "data-speaker": name },
        el("span", { class: "swatch" }), name,
        ` (${result.quotes.filter((q) => speakerKey(q) === key).length})`);
    }));
  const list = el("ol", { id: "quote-list" },
    result.quotes.map((q) => {
      const item = el("li", { "data-quote-id": q.id, class: `spk-${speakerIndex.get(speakerKey(q)) % N_SPEAKER_COLOURS}` },
        el("span", { class: "speaker" }, q.speaker ? q.speaker.name : "(no speaker)"),
        el("span", { class: "muted" }, ` ${q.kind}${q.speaker ? `, via ${q.speaker.resolved_by}` : ""}: `),
        el("span", { class: "content" }, q.content.text));
      item.addEventListener("click", () => flash(container, "data-quote-ids", q.id));
      return item;
    }));
  return el("section", { class: "panel" }, el("h3", null, `Quotes (${result.quotes.length})`), legendList, list);
}

function eventPanel(result, container) {
  const list = el("ol", { id: "event-list" },
    result.events.map((e) => {
      const badge = el("span", { class: "badge" }, e.type);
      badge.style.background = typeColour(e.type);
      const item = el("li", { "data-event-id": e.id }, badge, " ",
        `${e.actor ? e.actor.name : "?"} → ${e.recipient ? e.recipient.name : "?"}`,
        el("span", { class: "muted" },
          ` ${e.date || "undated"}${e.location ? ` · ${e.location.name}` : ""} · “${e.trigger.text}”`));
      item.addEventListener("click", () => flash(container, "data-event-ids", e.id));
      return item;
    }));
  return el("section", { class: "panel" }, el("h3", null, `Events (${result.events.length})`), list);
}

function actorPanel(result) {
  const actors = [...result.actors].sort((a, b) => b.mentions.length - a.mentions.length);
  return el("section", { class: "panel" }, el("h3", null, `Actors (${actors.length})`),
    el("ul", { id: "actor-list", class: "compact" },
      actors.map((a) => el("li", null, a.kb_id ? el("a", { href: actorHref(a.kb_id), class: "actor-link" }, a.name) : a.name,
        el("span", { class: "muted" }, ` ${a.kind}${a.country ? ` · ${a.country}` : ""}${a.sector ? ` · ${a.sector}` : ""} · ${a.mentions.length}×`)))));
}

/** Render one result ({article: {..., text}, actors, quotes, events, errors}) into ``container``. */
export function renderArticle(container, result) {
  clear(container);
  const speakerIndex = new Map();
  for (const q of result.quotes) if (!speakerIndex.has(speakerKey(q))) speakerIndex.set(speakerKey(q), speakerIndex.size);
  const art = result.article;
  const meta = [art.date ? `dated ${art.date}` : "undated", art.source, `${art.n_chars} characters`].filter(Boolean).join(" · ");
  const keyLine = el("p", { class: "key" },
    el("span", { class: "hl hl-actor" }, "actor mention"), " ",
    el("span", { class: "hl hl-quote spk-0" }, "quote content"), " ",
    el("span", { class: "hl hl-cue" }, "cue"), " ",
    el("span", { class: "hl hl-speaker" }, "speaker"), " ",
    el("span", { class: "hl hl-trigger" }, "event trigger"),
    el("span", { class: "muted" }, " — hover a highlight for its record"));
  const textBox = el("article", { class: "text-box" },
    el("h2", null, art.title || `Article ${art.id}`), el("p", { class: "muted" }, meta), keyLine,
    renderText(art.text, collectSpans(result, speakerIndex)));
  const errors = result.errors.length
    ? el("section", { class: "panel errors" }, el("h3", null, "Errors"),
      el("ul", null, result.errors.map((e) => el("li", null, `${e.stage}: ${e.message}`))))
    : null;
  const side = el("aside", { class: "side" }, errors, quotePanel(result, speakerIndex, textBox),
    eventPanel(result, textBox), actorPanel(result));
  container.appendChild(el("div", { class: "article-view", "data-article-id": art.id }, textBox, side));
}
