/// The article page's suggestions (suggest.js, served as `/assets/suggest.js`, after desk.js):
/// the article's uncovered sentences ranked by check-worthiness, read from
/// `GET /api/v1/articles/{slug}/suggestions` (the library's ranking, as `factdesk suggest`),
/// underlined quietly in the text, strongest first, through the CSS Custom Highlight API (the
/// text's markup is left alone, so selections and claim marks work as before), and listed beside
/// it, each filed as an unverified claim on its exact span in one click through
/// `POST /api/v1/articles/{slug}/claims`. User text is only ever inserted with `textContent`.
enum SuggestScript {
    static let source = #"""
"use strict";
// FactDesk web desk: where to look first. Plain JavaScript, no library, no build step.
(function () {
  const article = document.getElementById("article");
  const textEl = document.getElementById("article-text");
  const claims = document.querySelector("aside.side section.claims");
  if (!article || !textEl || !claims) return;
  const slug = article.getAttribute("data-slug") || "";
  const csrfMeta = document.querySelector('meta[name="csrf-token"]');
  const csrf = csrfMeta ? csrfMeta.getAttribute("content") || "" : "";
  const SHOWN = 10;
  /** The underline of the suggestions ranked 1–3, 4–6 and 7–10. */
  const TIERS = ["suggest-strong", "suggest-medium", "suggest-quiet"];
  const tierOf = (index) => TIERS[index < 3 ? 0 : index < 6 ? 1 : 2];

  function node(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  const panel = node("section", "panel suggestions");
  panel.id = "suggestions";
  panel.setAttribute("aria-labelledby", "suggestions-title");
  const title = node("h2", null, "Where to look first");
  title.id = "suggestions-title";
  const hint = node("p", "hint", "Sentences no claim covers yet, the most check-worthy first (figures, comparisons, "
    + "attributed facts), underlined in the text. Click one to select it; file it as an unverified claim with its button.");
  const list = node("ol", "suggestion-list");
  list.id = "suggestion-list";
  const error = node("p", "error");
  error.setAttribute("role", "alert");
  error.hidden = true;
  panel.append(title, hint, list, error);
  claims.before(panel);

  /** DOM positions (text node, UTF-16 offset) of Unicode scalar offsets of the text, in one walk over its text nodes. */
  function domPoints(offsets) {
    const wanted = [...new Set(offsets)].sort((a, b) => a - b);
    const points = new Map();
    const walker = document.createTreeWalker(textEl, NodeFilter.SHOW_TEXT);
    let scalar = 0, next = 0, last = null;
    for (let current = walker.nextNode(); current && next < wanted.length; current = walker.nextNode()) {
      const data = current.data;
      let unit = 0;
      while (next < wanted.length && unit < data.length) {
        if (wanted[next] === scalar) { points.set(wanted[next++], [current, unit]); continue; }
        const code = data.charCodeAt(unit);
        unit += code >= 0xd800 && code <= 0xdbff && unit + 1 < data.length ? 2 : 1;
        scalar++;
      }
      last = current;
    }
    while (last && next < wanted.length) points.set(wanted[next++], [last, last.data.length]);
    return points;
  }

  function rangeOf(points, suggestion) {
    const start = points.get(suggestion.start), end = points.get(suggestion.end);
    if (!start || !end) return null;
    const range = document.createRange();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    return range;
  }

  function underline(ranges) {
    if (!(window.CSS && CSS.highlights && typeof Highlight === "function")) return;
    const tiers = new Map(TIERS.map((name) => [name, new Highlight()]));
    ranges.forEach((range, index) => { if (range) tiers.get(tierOf(index)).add(range); });
    for (const [name, highlight] of tiers) CSS.highlights.set(name, highlight);
  }

  function reasonsLine(reasons) {
    const line = node("span", "suggestion-reasons");
    reasons.filter((reason) => reason.weight !== 0).forEach((reason, index) => {
      if (index > 0) line.append(" ");
      line.append(node("span", reason.weight > 0 ? "raises" : "lowers", (reason.weight > 0 ? "+" : "−") + reason.name));
    });
    return line;
  }

  async function file(suggestion, revision, button) {
    button.disabled = true;
    error.hidden = true;
    try {
      const response = await fetch("/api/v1/articles/" + encodeURIComponent(slug) + "/claims", {
        method: "POST", credentials: "same-origin", cache: "no-store",
        headers: { "Accept": "application/json", "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ claim: suggestion.sentence.replace(/\s+/g, " "), start: suggestion.start, end: suggestion.end, revision }),
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok) throw new Error(answer && typeof answer.error === "string" ? answer.error : "The desk answered " + response.status + ".");
      window.location.hash = "claim-" + encodeURIComponent(answer.id);
      window.location.reload();
    } catch (problem) {
      error.textContent = problem.message || "The claim could not be filed.";
      error.hidden = false;
      button.disabled = false;
    }
  }

  function show(listing) {
    const shown = listing.suggestions;
    if (!shown.length) {
      list.append(node("li", "muted", "Nothing to suggest: every sentence is covered by a claim, or the text has none."));
      return;
    }
    const points = domPoints(shown.flatMap((suggestion) => [suggestion.start, suggestion.end]));
    const ranges = shown.map((suggestion) => rangeOf(points, suggestion));
    underline(ranges);
    shown.forEach((suggestion, index) => {
      const item = node("li", "tier-" + tierOf(index));
      item.setAttribute("data-start", String(suggestion.start));
      item.setAttribute("data-end", String(suggestion.end));
      const head = node("span", "suggestion-head");
      head.append(node("span", "suggestion-rank", "#" + suggestion.rank), node("span", null, "score " + suggestion.score.toFixed(2)),
        node("span", null, "¶" + suggestion.paragraph));
      const sentence = node("button", "suggestion-sentence", suggestion.sentence);
      sentence.type = "button";
      sentence.addEventListener("click", () => {
        const range = ranges[index];
        if (!range) return;
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        range.startContainer.parentElement.scrollIntoView({ block: "center" });
      });
      const button = node("button", "file-suggestion", "File as a claim");
      button.type = "button";
      button.addEventListener("click", () => file(suggestion, listing.revision, button));
      item.append(head, sentence, reasonsLine(suggestion.reasons), button);
      list.append(item);
    });
  }

  fetch("/api/v1/articles/" + encodeURIComponent(slug) + "/suggestions?open=true&top=" + SHOWN,
        { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
    .then((response) => response.ok ? response.json() : Promise.reject(new Error("The desk answered " + response.status + ".")))
    .then(show)
    .catch((problem) => { error.textContent = "Suggestions could not be loaded: " + problem.message; error.hidden = false; });
})();
"""#
}
