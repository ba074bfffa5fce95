/// The web desk's script (desk.js), served as `/assets/desk.js`: selections in the article text to
/// claims (DOM range → UTF-16 offsets of the text → Unicode scalar offsets, the unit of the store),
/// the claim panel over the JSON API, and keyboard navigation. Plain JavaScript, no library, no
/// build step, no inline handler or eval (the CSP allows only `script-src 'self'`); user text is
/// only ever inserted with `textContent` or as text nodes.
enum DeskScript {
    static let source = #"""
"use strict";
// FactDesk web desk: selections to claims, the claim panel, keyboard navigation.
// Plain JavaScript, no library, no build step; every piece of user text goes in with
// textContent (or as a text node), never as markup.
(function () {
  const STATUSES = ["unverified", "in-review", "verified", "false", "misleading", "unverifiable"];
  const csrfMeta = document.querySelector('meta[name="csrf-token"]');
  const csrf = csrfMeta ? csrfMeta.getAttribute("content") || "" : "";

  // ---------------------------------------------------------------- helpers

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "class") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (value === true) node.setAttribute(key, "");
        else node.setAttribute(key, String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  /** Calls the JSON API; resolves with the parsed answer, rejects with the desk's own message. */
  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
    let response;
    try {
      response = await fetch(path, {
        method, headers, credentials: "same-origin", cache: "no-store",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (_) {
      throw new Error("The desk could not be reached. Check that the server is running, then try again.");
    }
    let data = null;
    if ((response.headers.get("Content-Type") || "").includes("json")) {
      try { data = await response.json(); } catch (_) { data = null; }
    }
    if (!response.ok) {
      if (data && typeof data.error === "string") {
        const error = new Error(response.status === 401 ? data.error + " (your session has ended: sign in again)" : data.error);
        error.status = response.status;
        throw error;
      }
      const error = new Error("The desk answered " + response.status + " " + (response.statusText || "") + ".");
      error.status = response.status;
      throw error;
    }
    return data;
  }

  /** `Name <email>` → `Name`. */
  function personName(editor) {
    if (typeof editor !== "string") return "";
    const at = editor.indexOf(" <");
    return at > 0 ? editor.slice(0, at) : editor;
  }

  const dateFormat = (typeof Intl === "object" && Intl.DateTimeFormat)
    ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }) : null;

  /** A `<time>` for an ISO 8601 instant, shown in the reader's time zone. */
  function timeElement(iso) {
    const date = new Date(iso);
    const shown = isNaN(date.getTime()) ? String(iso) : (dateFormat ? dateFormat.format(date) : date.toISOString());
    return el("time", { datetime: iso, title: String(iso) }, shown);
  }

  function shorten(text, limit) {
    const flat = String(text || "").replace(/\s+/g, " ").trim();
    if (flat.length <= limit) return flat;
    const cut = Array.from(flat).slice(0, limit - 1).join("");
    return cut + "…";
  }

  function lines(value) {
    return String(value || "").split("\n").map((line) => line.trim()).filter((line) => line.length > 0);
  }

  /** Only web addresses become links: never `javascript:` or `data:`. */
  function isWebURL(value) {
    return /^https?:\/\//i.test(String(value || ""));
  }

  function link(url, label) {
    return isWebURL(url)
      ? el("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, label || url)
      : el("span", { class: "url" }, label || url);
  }

  const live = el("div", { id: "desk-live", class: "visually-hidden", role: "status", "aria-live": "polite" });
  document.body.append(live);
  /** Says something to screen readers (and to tests) without moving focus. */
  function announce(message) {
    live.textContent = "";
    window.setTimeout(() => { live.textContent = message; }, 30);
  }

  function isTyping(target) {
    return !!(target && target.closest && target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])"));
  }

  const FLASH = "factdesk-flash";

  // --------------------------------------------------------------- the article

  const article = document.getElementById("article");
  const textEl = document.getElementById("article-text");
  if (!article || !textEl) return;

  const slug = article.getAttribute("data-slug") || "";
  const pageRevision = Number(article.getAttribute("data-revision") || "0");
  const claimsPath = "/api/v1/articles/" + encodeURIComponent(slug) + "/claims";
  // The element holds exactly the stored text: a browser counts it in UTF-16 units.
  const text = textEl.textContent;

  let claims = [];
  try {
    const block = document.getElementById("claims-data");
    claims = block ? JSON.parse(block.textContent || "[]") : [];
  } catch (_) {
    claims = [];
  }
  const byId = new Map(claims.map((claim) => [claim.id, claim]));

  const marks = Array.from(textEl.querySelectorAll("mark.hl"));
  const marksById = new Map();
  for (const mark of marks) {
    mark.tabIndex = -1;
    for (const id of claimIdsOf(mark)) {
      if (!marksById.has(id)) marksById.set(id, []);
      marksById.get(id).push(mark);
    }
  }
  for (const list of marksById.values()) {
    list[0].classList.add("claim-start");
    list[list.length - 1].classList.add("claim-end");
  }

  function claimIdsOf(mark) {
    return (mark.getAttribute("data-claims") || "").split(/\s+/).filter((id) => id.length > 0);
  }

  function listButton(id) {
    for (const button of document.querySelectorAll("#claim-list .claim-item[data-claim]")) {
      if (button.getAttribute("data-claim") === id) return button;
    }
    return null;
  }

  function firstMark(id) {
    const list = marksById.get(id);
    return list && list.length ? list[0] : null;
  }

  // --------------------------------------------- offsets: DOM → UTF-16 → scalars

  const isHigh = (unit) => unit >= 0xd800 && unit <= 0xdbff;
  const isLow = (unit) => unit >= 0xdc00 && unit <= 0xdfff;

  /** The UTF-16 offset, in the text element's text content, of a DOM boundary point. */
  function utf16At(node, offset) {
    if (!textEl.contains(node)) {
      const whole = document.createRange();
      whole.selectNodeContents(textEl);
      return whole.comparePoint(node, offset) < 0 ? 0 : text.length;
    }
    const walker = document.createTreeWalker(textEl, NodeFilter.SHOW_TEXT);
    let total = 0;
    if (node.nodeType === Node.TEXT_NODE) {
      for (let current = walker.nextNode(); current; current = walker.nextNode()) {
        if (current === node) return total + Math.min(offset, current.length);
        total += current.length;
      }
      return text.length;
    }
    // An element boundary: count the text before the point.
    const point = document.createRange();
    point.setStart(node, offset);
    point.collapse(true);
    for (let current = walker.nextNode(); current; current = walker.nextNode()) {
      if (point.comparePoint(current, 0) >= 0) return total;
      total += current.length;
    }
    return total;
  }

  /** The Unicode scalar offset of a UTF-16 offset: a surrogate pair counts once. */
  function scalarOffset(utf16) {
    let scalars = 0;
    for (let i = 0; i < utf16; i++) {
      if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
        if (i + 1 >= utf16) { scalars++; break; } // never split a pair: count it whole
        i++;
      }
      scalars++;
    }
    return scalars;
  }

  let graphemeEdges = null;
  /** UTF-16 offsets where a user-perceived character (grapheme cluster) starts, and the end. */
  function edges() {
    if (graphemeEdges) return graphemeEdges;
    const list = [];
    if (typeof Intl === "object" && typeof Intl.Segmenter === "function") {
      for (const part of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) list.push(part.index);
    } else {
      for (let i = 0; i < text.length; i++) {
        if (!(i > 0 && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1)))) list.push(i);
      }
    }
    list.push(text.length);
    graphemeEdges = list;
    return list;
  }

  function snapDown(offset) {
    const list = edges();
    let low = 0, high = list.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (list[mid] <= offset) low = mid; else high = mid - 1;
    }
    return list[low];
  }

  function snapUp(offset) {
    const list = edges();
    let low = 0, high = list.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid] >= offset) high = mid; else low = mid + 1;
    }
    return list[low];
  }

  /** A span of the stored text from UTF-16 offsets: trimmed of spaces, snapped out to whole characters. */
  function spanFromUTF16(a, b) {
    if (b < a) [a, b] = [b, a];
    a = Math.max(0, Math.min(a, text.length));
    b = Math.max(0, Math.min(b, text.length));
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    a = snapDown(a);
    b = snapUp(b);
    if (a >= b) return null;
    return { u16Start: a, u16End: b, start: scalarOffset(a), end: scalarOffset(b), quote: text.slice(a, b) };
  }

  /** The browser's selection inside the text, as a span of the stored text; null when none. */
  function selectedSpan() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(textEl)) return null;
    return spanFromUTF16(utf16At(range.startContainer, range.startOffset), utf16At(range.endContainer, range.endOffset));
  }

  // The last text selected in the article: kept while the editor works in a form or the panel.
  let lastSpan = null;
  const fileButton = document.getElementById("file-claim");
  const selectionInfo = document.getElementById("selection-info");

  function describeSpan(span) {
    return "“" + shorten(span.quote, 90) + "” (characters " + span.start + "–" + span.end + ")";
  }

  let selectionFrame = 0;
  document.addEventListener("selectionchange", () => {
    if (selectionFrame) return;
    selectionFrame = window.requestAnimationFrame(() => {
      selectionFrame = 0;
      const selection = window.getSelection();
      const inText = selection && selection.rangeCount > 0 && textEl.contains(selection.focusNode);
      const span = selectedSpan();
      if (span) lastSpan = span;
      else if (inText) lastSpan = null;
      if (fileButton) fileButton.disabled = !lastSpan;
      if (selectionInfo) selectionInfo.textContent = lastSpan ? "Selected " + describeSpan(lastSpan) : "";
      updateReattachPreview();
      if (textEl.contains(document.activeElement) || document.activeElement === textEl) showCaret();
    });
  });

  // ------------------------------------------------ keyboard caret and selection

  const caret = el("div", { class: "kbd-caret", "aria-hidden": "true", hidden: true });
  document.body.append(caret);
  let caretFromNav = false;
  let keyboardCaret = false;

  function markStart(mark) {
    const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    return first ? { node: first, offset: 0 } : { node: mark, offset: 0 };
  }

  function clampPoint(node, offset) {
    if (textEl.contains(node)) return { node, offset };
    const whole = document.createRange();
    whole.selectNodeContents(textEl);
    return whole.comparePoint(node, offset) < 0 ? { node: textEl, offset: 0 } : { node: textEl, offset: textEl.childNodes.length };
  }

  function ensureCaret(selection, target) {
    const mark = target && target.closest ? target.closest("mark.hl") : null;
    const inside = selection.rangeCount > 0 && textEl.contains(selection.anchorNode) && textEl.contains(selection.focusNode);
    if (mark && (caretFromNav || !inside)) {
      const start = markStart(mark);
      selection.collapse(start.node, start.offset);
    } else if (!inside) {
      selection.collapse(textEl, 0);
    }
    caretFromNav = false;
  }

  function keepSelectionInText(selection) {
    if (selection.rangeCount === 0) return;
    if (textEl.contains(selection.anchorNode) && textEl.contains(selection.focusNode)) return;
    const anchor = clampPoint(selection.anchorNode, selection.anchorOffset);
    const focus = clampPoint(selection.focusNode, selection.focusOffset);
    selection.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
  }

  function showCaret() {
    const selection = window.getSelection();
    if (!keyboardCaret || !selection || selection.rangeCount === 0 || !selection.isCollapsed || !textEl.contains(selection.focusNode)) {
      caret.hidden = true;
      return;
    }
    const range = document.createRange();
    range.setStart(selection.focusNode, selection.focusOffset);
    range.collapse(true);
    let rect = range.getClientRects()[0] || range.getBoundingClientRect();
    if ((!rect || rect.height === 0) && selection.focusNode.nodeType === Node.TEXT_NODE && selection.focusOffset > 0) {
      const before = document.createRange();
      before.setStart(selection.focusNode, selection.focusOffset - 1);
      before.setEnd(selection.focusNode, selection.focusOffset);
      const r = before.getBoundingClientRect();
      rect = { left: r.right, top: r.top, height: r.height };
    }
    if (!rect || rect.height === 0) {
      const r = textEl.getBoundingClientRect();
      rect = { left: r.left, top: r.top, height: 20 };
    }
    caret.style.left = (rect.left + window.scrollX - 1) + "px";
    caret.style.top = (rect.top + window.scrollY) + "px";
    caret.style.height = rect.height + "px";
    caret.hidden = false;
  }

  const MOVES = {
    ArrowLeft: ["left", "character"], ArrowRight: ["right", "character"],
    ArrowUp: ["backward", "line"], ArrowDown: ["forward", "line"],
    Home: ["backward", "lineboundary"], End: ["forward", "lineboundary"],
  };

  textEl.addEventListener("keydown", (event) => {
    if (event.altKey || event.metaKey) return;
    const mark = event.target.closest ? event.target.closest("mark.hl") : null;
    if (event.key === "Enter" && mark && !event.shiftKey && !event.ctrlKey) {
      event.preventDefault();
      const ids = claimIdsOf(mark);
      if (currentId && ids.includes(currentId)) openClaim(currentId, mark);
      else openFromMark(mark);
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const selection = window.getSelection();
    const alter = event.shiftKey ? "extend" : "move";
    ensureCaret(selection, event.target);
    keyboardCaret = true;
    if (event.ctrlKey && (event.key === "Home" || event.key === "End")) {
      const point = event.key === "Home" ? { node: textEl, offset: 0 } : { node: textEl, offset: textEl.childNodes.length };
      if (alter === "extend") selection.extend(point.node, point.offset);
      else selection.collapse(point.node, point.offset);
    } else {
      const granularity = event.ctrlKey && move[1] === "character" ? "word" : (event.ctrlKey && move[1] === "line" ? "paragraph" : move[1]);
      selection.modify(alter, move[0], granularity);
      keepSelectionInText(selection);
    }
    showCaret();
    if (!caret.hidden) caret.scrollIntoView({ block: "nearest" });
  });

  textEl.addEventListener("mousedown", () => { keyboardCaret = false; caret.hidden = true; });
  textEl.addEventListener("focusin", () => {
    // Reached with Tab: show where Shift+arrows would start selecting.
    if (document.activeElement !== textEl || !textEl.matches(":focus-visible")) return;
    keyboardCaret = true;
    const selection = window.getSelection();
    if (selection && (selection.rangeCount === 0 || !textEl.contains(selection.focusNode))) selection.collapse(textEl, 0);
    showCaret();
  });
  textEl.addEventListener("focusout", (event) => {
    if (!event.relatedTarget || !textEl.contains(event.relatedTarget)) caret.hidden = true;
  });
  window.addEventListener("resize", showCaret);

  // ------------------------------------------------------------- painting claims

  function headline(claim) {
    return shorten(claim.claim, 80);
  }

  function paintMarks() {
    for (const mark of marks) {
      const ids = claimIdsOf(mark);
      const inner = byId.get(ids[0]);
      for (const status of STATUSES) mark.classList.remove("s-" + status);
      if (inner) mark.classList.add("s-" + inner.status);
      mark.title = ids.map((id) => {
        const claim = byId.get(id);
        return claim ? claim.status + ": " + headline(claim) : id;
      }).join("\n") + (ids.length > 1 ? "\n(" + ids.length + " claims: click to choose)" : "\n(click or Enter to open)");
    }
  }

  function paintListItem(claim) {
    const button = listButton(claim.id);
    if (!button) return;
    for (const status of STATUSES) button.classList.remove("s-" + status);
    button.classList.add("s-" + claim.status);
    const label = button.querySelector(".status");
    if (label) label.textContent = claim.status;
    let flag = button.querySelector(".flag.review");
    if (!flag) {
      for (const candidate of button.querySelectorAll(".flag")) {
        if (candidate.textContent === "awaiting review") flag = candidate;
      }
    }
    if (claim.awaitingReview && !flag) button.append(" ", el("span", { class: "flag review" }, "awaiting review"));
    if (!claim.awaitingReview && flag) flag.remove();
    const conflict = button.querySelector(".flag.conflict");
    if (claim.conflicts && claim.conflicts.length && !conflict) button.append(" ", el("span", { class: "flag conflict" }, "merge conflict"));
    if (!(claim.conflicts && claim.conflicts.length) && conflict) conflict.remove();
    const overdue = button.querySelector(".flag.overdue");
    if (claim.overdue && !overdue) button.append(" ", el("span", { class: "flag overdue" }, "overdue"));
    if (!claim.overdue && overdue) overdue.remove();
  }

  let currentId = null;
  function setCurrent(id) {
    currentId = id;
    for (const node of document.querySelectorAll(".current")) node.classList.remove("current");
    for (const node of document.querySelectorAll("[aria-current]")) {
      if (node.closest("#claim-list") || textEl.contains(node)) node.removeAttribute("aria-current");
    }
    if (!id) return;
    for (const mark of marksById.get(id) || []) mark.classList.add("current");
    const button = listButton(id);
    if (button) { button.classList.add("current"); button.setAttribute("aria-current", "true"); }
  }

  function updateClaim(claim) {
    byId.set(claim.id, claim);
    const index = claims.findIndex((c) => c.id === claim.id);
    if (index >= 0) claims[index] = claim; else claims.push(claim);
    paintMarks();
    paintListItem(claim);
  }

  paintMarks();
  for (const claim of claims) paintListItem(claim);

  // ------------------------------------------------------------ j / k navigation

  function navOrder() {
    const placed = claims.filter((c) => marksById.has(c.id)).sort((a, b) => (a.start - b.start) || (b.end - a.end) || (a.id < b.id ? -1 : 1));
    const elsewhere = claims.filter((c) => !marksById.has(c.id));
    return placed.concat(elsewhere);
  }

  function navigate(step) {
    const order = navOrder();
    if (order.length === 0) { announce("This article has no claims yet."); return; }
    let index = order.findIndex((c) => c.id === currentId);
    if (index < 0) index = step > 0 ? 0 : order.length - 1;
    else if (index + step < 0 || index + step >= order.length) {
      announce(step > 0 ? "That was the last claim." : "That was the first claim.");
      return;
    } else index += step;
    const claim = order[index];
    setCurrent(claim.id);
    const target = firstMark(claim.id) || listButton(claim.id);
    caretFromNav = true;
    keyboardCaret = false;
    caret.hidden = true;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: "nearest" });
    }
    if (openId) {
      showPanel(claim.id, target, false);
    }
    announce("Claim " + (index + 1) + " of " + order.length + ": " + claim.status + ", " + headline(claim) + ". Enter opens it.");
  }

  // ---------------------------------------------------------------- the chooser

  let chooser = null;

  function hideChooser(returnFocus) {
    if (!chooser) return;
    const { box, mark } = chooser;
    chooser = null;
    box.remove();
    if (returnFocus && mark && mark.isConnected) mark.focus();
  }

  function openFromMark(mark) {
    const ids = claimIdsOf(mark).filter((id) => byId.has(id));
    if (ids.length === 0) return;
    if (ids.length === 1) { openClaim(ids[0], mark); return; }
    hideChooser(false);
    const box = el("div", { class: "chooser", role: "dialog", "aria-label": "Claims over this text" },
      el("p", { class: "chooser-title" }, ids.length + " claims cover this text. Open:"),
      el("ul", null, ids.map((id) => {
        const claim = byId.get(id);
        return el("li", null, el("button", { type: "button", class: "chooser-item", "data-claim": id },
          el("span", { class: "badge s-" + claim.status }, claim.status), " ", headline(claim)));
      })));
    document.body.append(box);
    const rect = mark.getBoundingClientRect();
    const width = box.offsetWidth;
    const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (rect.bottom + window.scrollY + 6) + "px";
    chooser = { box, mark };
    box.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-claim]");
      if (!button) return;
      const id = button.getAttribute("data-claim");
      hideChooser(false);
      openClaim(id, mark);
    });
    box.addEventListener("keydown", (event) => {
      const buttons = Array.from(box.querySelectorAll("button"));
      const at = buttons.indexOf(document.activeElement);
      if (event.key === "ArrowDown" || event.key === "j") { event.preventDefault(); buttons[(at + 1) % buttons.length].focus(); }
      if (event.key === "ArrowUp" || event.key === "k") { event.preventDefault(); buttons[(at - 1 + buttons.length) % buttons.length].focus(); }
      if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); hideChooser(true); }
      if (event.key === "Tab") { event.preventDefault(); buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length].focus(); }
    });
    box.querySelector("button").focus();
  }

  document.addEventListener("mousedown", (event) => {
    if (chooser && !chooser.box.contains(event.target)) hideChooser(false);
  });

  textEl.addEventListener("click", (event) => {
    const mark = event.target.closest ? event.target.closest("mark.hl") : null;
    if (!mark) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && textEl.contains(selection.focusNode)) return; // selecting, not opening
    openFromMark(mark);
  });

  for (const button of document.querySelectorAll("#claim-list .claim-item[data-claim], .open-claim[data-claim]")) {
    button.addEventListener("click", () => openClaim(button.getAttribute("data-claim"), button));
  }

  // --------------------------------------------------------------- filing a claim

  const newForm = document.getElementById("new-claim");
  let pendingSpan = null;

  function formError(form, message) {
    let box = form.querySelector(".error");
    if (!box) { box = el("p", { class: "error", role: "alert" }); form.prepend(box); }
    box.textContent = message || "";
    box.hidden = !message;
  }

  function openNewClaim() {
    const span = selectedSpan() || lastSpan;
    if (!newForm) return;
    if (!span) {
      announce("Select the words of the claim first: drag over them, or use Shift and the arrow keys in the text.");
      if (selectionInfo) selectionInfo.textContent = "Select the words of the claim first: drag over them, or use Shift and the arrow keys in the text.";
      textEl.focus();
      return;
    }
    pendingSpan = span;
    hideChooser(false);
    if (openId) closePanel(false);
    newForm.elements.start.value = String(span.start);
    newForm.elements.end.value = String(span.end);
    const quote = document.getElementById("new-claim-quote");
    if (quote) quote.textContent = span.quote;
    let where = newForm.querySelector(".where");
    if (!where) {
      where = el("p", { class: "where" });
      if (quote) quote.after(where); else newForm.prepend(where);
    }
    where.textContent = "Characters " + span.start + "–" + span.end + " of revision " + pageRevision;
    formError(newForm, "");
    newForm.hidden = false;
    newForm.elements.claim.focus();
    newForm.scrollIntoView({ block: "nearest" });
  }

  function closeNewClaim() {
    if (!newForm || newForm.hidden) return;
    newForm.hidden = true;
    textEl.focus({ preventScroll: true });
  }

  if (fileButton) {
    fileButton.disabled = true;
    // Keep the selection: a button takes no selection when pressed with the mouse.
    fileButton.addEventListener("mousedown", (event) => event.preventDefault());
    fileButton.addEventListener("click", openNewClaim);
  }

  function optional(body, key, value) {
    const trimmed = String(value || "").trim();
    if (trimmed) body[key] = trimmed;
  }

  function setBusy(container, busy) {
    container.setAttribute("aria-busy", busy ? "true" : "false");
    for (const control of container.querySelectorAll("button, input, textarea, select")) {
      if (busy) { control.dataset.wasDisabled = control.disabled ? "1" : ""; control.disabled = true; }
      else { control.disabled = control.dataset.wasDisabled === "1"; delete control.dataset.wasDisabled; }
    }
  }

  if (newForm) {
    newForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!pendingSpan) { formError(newForm, "Select the words of the claim in the text first."); return; }
      const fields = newForm.elements;
      // The revision the offsets were taken on: the server refuses them (409) if the text has changed since.
      const body = { claim: fields.claim.value.trim(), start: pendingSpan.start, end: pendingSpan.end, revision: pageRevision };
      if (!body.claim) { formError(newForm, "Write the claim: the statement to check."); fields.claim.focus(); return; }
      const sources = lines(fields.sources.value);
      if (sources.length) body.sources = sources;
      optional(body, "note", fields.note.value);
      optional(body, "assignee", fields.assignee.value);
      optional(body, "due", fields.due.value);
      optional(body, "claimant", fields.claimant.value);
      formError(newForm, "");
      setBusy(newForm, true);
      try {
        const claim = await api("POST", claimsPath, body);
        sessionStorage.setItem(FLASH, JSON.stringify({ slug, message: "Claim " + claim.id + " filed on characters " + claim.start + "–" + claim.end + "." }));
        window.location.hash = "claim-" + claim.id;
        window.location.reload();
      } catch (error) {
        setBusy(newForm, false);
        formError(newForm, error.message);
      }
    });
    const cancel = newForm.querySelector("button.cancel");
    if (cancel) cancel.addEventListener("click", closeNewClaim);
  }

  // ------------------------------------------------------------------- the panel

  const panel = document.getElementById("claim-panel");
  let openId = null;
  let returnFocus = null;
  let historyCache = new Map();
  let busy = false;

  function section(name, title, open, ...children) {
    return el("details", { class: "panel-section", "data-section": name, open: open || undefined },
      el("summary", null, title), el("div", { class: "section-body" }, children));
  }

  function field(label, control) {
    return el("label", null, el("span", { class: "label" }, label), control);
  }

  function factRow(term, ...value) {
    return [el("dt", null, term), el("dd", null, value)];
  }

  function renderPanel(claim, state) {
    const openSections = state.openSections;
    const isOpen = (name, fallback) => (openSections.has(name) ? true : (openSections.size === 0 && fallback));
    const review = claim.review;
    const facts = el("dl", { class: "facts" },
      factRow("Where", "¶" + claim.paragraph + " · characters " + claim.start + "–" + claim.end + " · revision " + claim.revision),
      factRow("Assignee", claim.assignee ? personName(claim.assignee) : "nobody",
        claim.due ? [" · due ", claim.due] : null, claim.overdue ? [" ", el("span", { class: "flag overdue" }, "overdue")] : null),
      claim.claimant ? factRow("Claimant", claim.claimant, claim.claimantKind && claim.claimantKind !== "person" ? " (" + claim.claimantKind + ")" : "",
        claim.claimDate ? ", " + claim.claimDate : "") : null,
      claim.appearances && claim.appearances.length ? factRow("Appeared", claim.appearances.map((url, i) => [i ? ", " : "", link(url)])) : null,
      factRow("Filed", personName(claim.createdBy), ", ", timeElement(claim.createdAt)),
      factRow("Status set", personName(claim.statusChangedBy), ", ", timeElement(claim.statusChangedAt)));

    const reviewBox = claim.awaitingReview && review ? el("form", { class: "review-box", "data-action": "review" },
      el("h3", null, "Awaiting a second editor"),
      el("p", null, el("span", { class: "badge s-" + review.verdict }, review.verdict), " proposed by ", personName(review.proposedBy), ", ", timeElement(review.proposedAt), "."),
      field("Note (needed to reject)", el("textarea", { name: "note", rows: "2" })),
      el("div", { class: "buttons" },
        el("button", { type: "submit", value: "approve", "data-key": "approve", class: "primary" }, "Approve " + review.verdict),
        el("button", { type: "submit", value: "reject", "data-key": "reject" }, "Reject"))) : null;

    const conflictBox = claim.conflicts && claim.conflicts.length ? el("div", { class: "review-box conflict-box" },
      el("h3", null, "Needs review: merge conflict"),
      el("p", { class: "muted" }, "Two desks changed this claim differently. Sync kept one value; choose which stays."),
      claim.conflicts.map((conflict) => el("form", { class: "conflict", "data-action": "resolve" },
        el("input", { type: "hidden", name: "field", value: conflict.field }),
        el("p", null, el("strong", null, conflict.field), ": kept “", String(claim[conflict.field] === null ? "none" : claim[conflict.field]),
          "”; set aside “", conflict.value === null ? "none" : conflict.value, "” by ", personName(conflict.by), ", ", timeElement(conflict.at), "."),
        el("div", { class: "buttons" },
          el("button", { type: "submit", value: "keep", "data-key": "keep-" + conflict.field, class: "primary" }, "Keep current"),
          el("button", { type: "submit", value: "take", "data-key": "take-" + conflict.field }, "Take set-aside value"))))) : null;

    const statusButtons = el("fieldset", { class: "status-buttons" },
      el("legend", null, "Set the status ", el("span", { class: "muted" }, "(keys 1–6)")),
      el("div", { class: "status-grid" }, STATUSES.map((status, index) => el("button", {
        type: "button", class: "status-button s-" + status, "data-status": status, "data-key": "status-" + status,
        "aria-pressed": String(claim.status === status), "aria-keyshortcuts": String(index + 1),
        title: "Set the status to " + status + " (key " + (index + 1) + ")",
      }, el("kbd", null, String(index + 1)), " ", status))),
      field("Why (optional, kept as a note)", el("input", { name: "status-note", "data-key": "status-note", autocomplete: "off" })));

    const verifyForm = el("form", { class: "verify-form", "data-action": "verify" },
      el("h3", null, "Verify with a source"),
      field("Source URL", el("input", { name: "url", type: "url", required: true, placeholder: "https://", "data-key": "verify-url", autocomplete: "off" })),
      field("How it was verified (optional)", el("input", { name: "note", "data-key": "verify-note", autocomplete: "off" })),
      el("button", { type: "submit", class: "primary", "data-key": "verify-submit" }, "Mark verified with this source"));

    const sources = section("sources", "Sources (" + claim.sources.length + ")", isOpen("sources", claim.sources.length > 0),
      claim.sources.length ? el("ul", { class: "sources" }, claim.sources.map((source) => el("li", null,
        link(source.url, source.title || source.url), source.title ? el("span", { class: "muted url" }, " " + source.url) : null,
        source.note ? el("p", { class: "source-note" }, source.note) : null))) : el("p", { class: "muted" }, "No source yet."),
      el("form", { class: "source-form", "data-action": "source" },
        field("URL", el("input", { name: "url", type: "url", required: true, placeholder: "https://", "data-key": "source-url", autocomplete: "off" })),
        field("Title (optional)", el("input", { name: "title", "data-key": "source-title", autocomplete: "off" })),
        field("Note (optional)", el("input", { name: "note", "data-key": "source-note", autocomplete: "off" })),
        el("button", { type: "submit", "data-key": "source-submit" }, "Add the source")));

    const notes = section("notes", "Notes (" + claim.notes.length + ")", isOpen("notes", claim.notes.length > 0),
      claim.notes.length ? el("ul", { class: "notes" }, claim.notes.map((note) => el("li", null,
        el("p", null, note.text), el("p", { class: "muted" }, personName(note.by), ", ", timeElement(note.at))))) : el("p", { class: "muted" }, "No note yet."),
      el("form", { class: "note-form", "data-action": "note" },
        field("New note", el("textarea", { name: "note", rows: "2", required: true, "data-key": "note-text" })),
        el("button", { type: "submit", "data-key": "note-submit" }, "Add the note")));

    const assign = section("assign", "Assignment", isOpen("assign", false),
      el("form", { class: "assign-form", "data-action": "assign" },
        field("Assignee (“Name <email>” or an editor's name)", el("input", { name: "assignee", value: claim.assignee || "", "data-key": "assign-who", autocomplete: "off" })),
        field("Due (YYYY-MM-DD, today or tomorrow; optional)", el("input", { name: "due", value: claim.due || "", "data-key": "assign-due", autocomplete: "off" })),
        el("div", { class: "buttons" },
          el("button", { type: "submit", "data-key": "assign-submit" }, "Assign"),
          claim.assignee ? el("button", { type: "button", "data-action": "unassign", "data-key": "unassign" }, "Unassign") : null)));

    const attribution = section("attribution", "Claimant and appearances", isOpen("attribution", false),
      el("form", { class: "attribution-form", "data-action": "attribution" },
        field("Claimant (who made the statement)", el("input", { name: "claimant", value: claim.claimant || "", "data-key": "attr-claimant", autocomplete: "off" })),
        field("Kind", el("select", { name: "claimantKind", "data-key": "attr-kind" },
          ["person", "organization"].map((kind) => el("option", { value: kind, selected: (claim.claimantKind || "person") === kind || undefined }, kind)))),
        field("Date of the statement (YYYY-MM-DD)", el("input", { name: "claimDate", value: claim.claimDate || "", "data-key": "attr-date", autocomplete: "off" })),
        field("Add appearances (one URL a line)", el("textarea", { name: "appearances", rows: "2", "data-key": "attr-appearances" })),
        el("button", { type: "submit", "data-key": "attr-submit" }, "Record")));

    const reattach = section("reattach", "Re-attach to the text", isOpen("reattach", !!claim.anchorIssue),
      claim.previousQuote ? el("p", null, "Was: ", el("q", null, claim.previousQuote)) : null,
      el("p", { class: "muted" }, "Select the words where this claim belongs now, then press the button."),
      el("p", { class: "reattach-preview" }),
      el("button", { type: "button", "data-action": "reanchor", "data-key": "reanchor" }, "Re-attach to the selection"));

    const historySection = section("history", "History", isOpen("history", false),
      el("ol", { class: "timeline", "aria-label": "Changes to this claim, newest first" }),
      el("p", { class: "muted history-state" }, "Open to load the history."));

    panel.replaceChildren(...[
      el("div", { class: "panel-head" },
        el("h2", { id: "panel-title", tabindex: "-1" }, "Claim ", el("code", null, claim.id)),
        el("button", { type: "button", class: "close", "data-action": "close", "data-key": "close", "aria-label": "Close the claim panel", title: "Close (Escape)" }, "×")),
      el("p", { class: "panel-status" }, el("span", { class: "badge s-" + claim.status }, claim.status),
        claim.awaitingReview && review ? el("span", { class: "flag" }, review.verdict + " proposed") : null,
        claim.anchorIssue ? el("span", { class: "flag" }, claim.anchorIssue) : null,
        claim.overdue ? el("span", { class: "flag overdue" }, "overdue") : null),
      el("p", { class: "claim-text" }, claim.claim),
      el("blockquote", { class: "quote" }, claim.quote),
      el("p", { class: "error", role: "alert", hidden: true }),
      el("p", { class: "done", role: "status" }, state.done || ""),
      // A claim a revision lost or changed: re-attaching it comes first.
      claim.anchorIssue ? reattach : null,
      conflictBox, reviewBox, statusButtons, verifyForm, sources, notes, assign, attribution,
      claim.anchorIssue ? null : reattach, historySection, facts].filter(Boolean));
    panel.setAttribute("aria-labelledby", "panel-title");
    panel.setAttribute("role", "region");
    const details = panel.querySelector('[data-section="history"]');
    details.addEventListener("toggle", () => { if (details.open) loadHistory(claim.id); });
    if (details.open) loadHistory(claim.id, true);
    updateReattachPreview();
  }

  function panelError(message) {
    const box = panel.querySelector(".error");
    if (!box) return;
    box.textContent = message || "";
    box.hidden = !message;
  }

  function updateReattachPreview() {
    if (!panel || panel.hidden) return;
    const preview = panel.querySelector(".reattach-preview");
    if (!preview) return;
    preview.textContent = lastSpan ? "Selected: " + describeSpan(lastSpan) : "Nothing selected.";
    const button = panel.querySelector('[data-action="reanchor"]');
    if (button && !busy) button.disabled = !lastSpan;
  }

  async function loadHistory(id, refresh) {
    const list = panel.querySelector(".timeline");
    const state = panel.querySelector(".history-state");
    if (!list || !state) return;
    let entries = refresh ? null : historyCache.get(id);
    if (!entries) {
      state.textContent = "Loading the history…";
      try {
        entries = await api("GET", "/api/v1/claims/" + encodeURIComponent(id) + "/history");
        historyCache.set(id, entries);
      } catch (error) {
        state.textContent = "";
        panelError(error.message);
        return;
      }
    }
    if (openId !== id || !list.isConnected) return;
    list.replaceChildren(...entries.map((entry) => el("li", { class: "entry" + (entry.status ? " s-" + entry.status : "") },
      el("div", { class: "entry-head" },
        el("span", { class: "who", title: entry.editor }, personName(entry.editor)),
        " ", el("span", { class: "when" }, timeElement(entry.date)),
        entry.status ? [" ", el("span", { class: "badge s-" + entry.status }, entry.status)] : null),
      el("p", { class: "what" }, entry.message),
      entry.detail ? el("p", { class: "detail" }, entry.detail) : null,
      el("p", { class: "commit" }, "commit ", el("code", { title: entry.commit }, String(entry.commit).slice(0, 12))))));
    state.textContent = entries.length + " change" + (entries.length === 1 ? "" : "s") + ", newest first.";
  }

  function panelState() {
    const open = new Set();
    for (const details of panel.querySelectorAll("details[data-section]")) {
      if (details.open) open.add(details.getAttribute("data-section"));
    }
    // Always remember at least one entry, so defaults are not applied again.
    open.add("_");
    return open;
  }

  /** Shows claim `id` in the panel; `focusPanel` moves focus into it. */
  function showPanel(id, from, focusPanel) {
    const claim = byId.get(id);
    if (!claim || !panel) return;
    if (openId !== id) historyCache.delete(id);
    const sameClaim = openId === id;
    openId = id;
    if (from) returnFocus = from;
    setCurrent(id);
    renderPanel(claim, { openSections: sameClaim ? panelState() : new Set() });
    panel.hidden = false;
    window.history.replaceState(null, "", "#claim-" + id);
    if (focusPanel) {
      panel.querySelector("#panel-title").focus({ preventScroll: true });
      panel.scrollIntoView({ block: "nearest" });
    }
  }

  function openClaim(id, from) {
    if (!byId.has(id)) return;
    hideChooser(false);
    if (newForm && !newForm.hidden) newForm.hidden = true;
    showPanel(id, from || document.activeElement, true);
  }

  function closePanel(restoreFocus) {
    if (!panel || panel.hidden) return;
    const id = openId;
    panel.hidden = true;
    panel.replaceChildren();
    openId = null;
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    if (restoreFocus) {
      const target = returnFocus && returnFocus.isConnected && returnFocus !== document.body ? returnFocus : (firstMark(id) || listButton(id) || textEl);
      target.focus();
    }
    returnFocus = null;
  }

  /** Runs one change of the open claim through the API, then shows the claim the desk answers with. */
  async function change(method, suffix, body, done, options) {
    const id = openId;
    if (!id || busy) return;
    const focusWasInPanel = panel.contains(document.activeElement);
    const focusedKey = focusWasInPanel ? document.activeElement.getAttribute("data-key") : null;
    busy = true;
    panelError("");
    setBusy(panel, true);
    try {
      const claim = await api(method, "/api/v1/claims/" + encodeURIComponent(id) + suffix, body);
      if (options && options.reload) {
        sessionStorage.setItem(FLASH, JSON.stringify({ slug, message: done }));
        window.location.hash = "claim-" + id;
        window.location.reload();
        return;
      }
      busy = false;
      historyCache.delete(id);
      updateClaim(claim);
      if (openId === id) {
        const openSections = panelState();
        renderPanel(claim, { openSections, done });
        panel.setAttribute("aria-busy", "false");
        const again = focusedKey ? panel.querySelector('[data-key="' + focusedKey + '"]') : null;
        if (again && !again.disabled) again.focus({ preventScroll: true });
        else if (focusWasInPanel) panel.querySelector("#panel-title").focus({ preventScroll: true });
      }
      announce(done);
    } catch (error) {
      busy = false;
      setBusy(panel, false);
      const doneBox = panel.querySelector(".done");
      if (doneBox) doneBox.textContent = "";
      panelError(error.message);
      if (focusWasInPanel && !panel.contains(document.activeElement)) {
        const again = focusedKey ? panel.querySelector('[data-key="' + focusedKey + '"]') : null;
        (again || panel.querySelector("#panel-title")).focus({ preventScroll: true });
      }
      announce("Not saved: " + error.message);
    }
  }

  function setStatus(status, note) {
    const body = { status };
    if (note) body.note = note;
    return change("POST", "/status", body, "Status set to " + status + ".");
  }

  if (panel) {
    panel.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button || !panel.contains(button)) return;
      const status = button.getAttribute("data-status");
      if (status) {
        const noteField = panel.querySelector('[name="status-note"]');
        setStatus(status, noteField ? noteField.value.trim() : "");
        return;
      }
      switch (button.getAttribute("data-action")) {
        case "close": closePanel(true); break;
        case "unassign": change("DELETE", "/assignee", undefined, "Unassigned."); break;
        case "reanchor":
          if (!lastSpan) { panelError("Select the words in the text first, then press the button."); return; }
          change("POST", "/anchor", { start: lastSpan.start, end: lastSpan.end, revision: pageRevision }, "Re-attached to characters " + lastSpan.start + "–" + lastSpan.end + ".",
            { reload: true });
          break;
        default: break;
      }
    });

    panel.addEventListener("submit", (event) => {
      event.preventDefault();
      const form = event.target;
      const fields = form.elements;
      switch (form.getAttribute("data-action")) {
        case "verify": {
          const body = { status: "verified", sources: [fields.url.value.trim()] };
          optional(body, "note", fields.note.value);
          change("POST", "/status", body, "Verified with " + body.sources[0] + ".");
          break;
        }
        case "source": {
          const body = { url: fields.url.value.trim() };
          optional(body, "title", fields.title.value);
          optional(body, "note", fields.note.value);
          change("POST", "/sources", body, "Source added.");
          break;
        }
        case "note":
          change("POST", "/notes", { note: fields.note.value }, "Note added.");
          break;
        case "assign": {
          const assignee = fields.assignee.value.trim();
          if (!assignee) { panelError("Give the editor to assign, as “Name <email>” or a name the desk knows; or press Unassign."); return; }
          const body = { assignee };
          optional(body, "due", fields.due.value);
          change("POST", "/assignee", body, "Assigned to " + assignee + ".");
          break;
        }
        case "attribution": {
          const body = {};
          optional(body, "claimant", fields.claimant.value);
          if (body.claimant) body.claimantKind = fields.claimantKind.value;
          optional(body, "claimDate", fields.claimDate.value);
          const appearances = lines(fields.appearances.value);
          if (appearances.length) body.appearances = appearances;
          change("POST", "/attribution", body, "Attribution recorded.");
          break;
        }
        case "resolve": {
          const choice = event.submitter && event.submitter.value === "take" ? "take" : "keep";
          change("POST", "/conflicts", { field: fields.field.value, choice }, "Conflict settled.");
          break;
        }
        case "review": {
          const decision = event.submitter && event.submitter.value === "reject" ? "reject" : "approve";
          const body = { decision };
          optional(body, "note", fields.note.value);
          change("POST", "/review", body, decision === "approve" ? "Verdict approved." : "Verdict rejected.");
          break;
        }
        default: break;
      }
    });
  }

  // ----------------------------------------------------------------- the keyboard

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented) return;
    if (event.key === "Escape") {
      if (chooser) { hideChooser(true); event.preventDefault(); return; }
      if (newForm && !newForm.hidden && newForm.contains(document.activeElement)) { closeNewClaim(); event.preventDefault(); return; }
      if (panel && !panel.hidden) { closePanel(true); event.preventDefault(); return; }
      if (newForm && !newForm.hidden) { closeNewClaim(); event.preventDefault(); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const key = event.key;
    if (key === "j" || key === "k") {
      event.preventDefault();
      navigate(key === "j" ? 1 : -1);
    } else if (key === "c") {
      event.preventDefault();
      openNewClaim();
    } else if (key === "?") {
      const keys = document.getElementById("keys");
      if (keys) { keys.open = true; keys.querySelector("summary").focus(); event.preventDefault(); }
    } else if (/^[1-6]$/.test(key)) {
      const id = openId || currentId;
      if (!id) return;
      event.preventDefault();
      if (!openId) showPanel(id, document.activeElement, false);
      setStatus(STATUSES[Number(key) - 1], "");
    }
  });

  // ---------------------------------------------------------- posting a revision

  const revisionForm = document.getElementById("revision-form");
  if (revisionForm) {
    revisionForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { text: revisionForm.elements.text.value };
      formError(revisionForm, "");
      setBusy(revisionForm, true);
      try {
        const summary = await api("PUT", "/api/v1/articles/" + encodeURIComponent(slug) + "/text", body);
        sessionStorage.setItem("factdesk-revision", JSON.stringify({ slug, summary }));
        window.location.hash = "";
        window.location.reload();
      } catch (error) {
        setBusy(revisionForm, false);
        formError(revisionForm, error.message);
      }
    });
  }

  function notice(...children) {
    const box = el("section", { class: "notice", role: "status" }, children,
      el("button", { type: "button", class: "dismiss", "aria-label": "Dismiss" }, "×"));
    box.querySelector(".dismiss").addEventListener("click", () => box.remove());
    const head = article.querySelector(".article-head");
    if (head) head.after(box); else article.prepend(box);
    return box;
  }

  function showStoredMessages() {
    try {
      const flash = JSON.parse(sessionStorage.getItem(FLASH) || "null");
      sessionStorage.removeItem(FLASH);
      if (flash && flash.slug === slug && flash.message) notice(el("p", null, flash.message));
      const revision = JSON.parse(sessionStorage.getItem("factdesk-revision") || "null");
      sessionStorage.removeItem("factdesk-revision");
      if (revision && revision.slug === slug && revision.summary) {
        const s = revision.summary;
        const moved = (s.claims || []).filter((c) => c.result !== "exact");
        const box = notice(
          el("p", { id: "reanchoring-summary" }, el("strong", null, "Revision " + s.revision + " stored. "),
            s.exact + " exact, " + s.moved + " moved, " + s.changed + " changed, " + s.orphaned + " orphaned."),
          moved.length ? el("ul", null, moved.map((c) => el("li", null,
            el("button", { type: "button", class: "link", "data-claim": c.id }, c.id), " " + c.result + ": “" + shorten(c.before.quote, 100) + "”",
            c.after && c.result === "changed" ? " → “" + shorten(c.after.quote, 100) + "”" : ""))) : null);
        box.classList.add("revision-summary");
        box.addEventListener("click", (event) => {
          const button = event.target.closest("button[data-claim]");
          if (button) openClaim(button.getAttribute("data-claim"), button);
        });
      }
    } catch (_) { /* storage unavailable: nothing to show */ }
  }

  showStoredMessages();

  // A link to one claim (`#claim-ID`) opens it.
  const wanted = /^#claim-(.+)$/.exec(window.location.hash);
  if (wanted) {
    const id = decodeURIComponent(wanted[1]);
    if (byId.has(id)) {
      const mark = firstMark(id);
      if (mark) mark.scrollIntoView({ block: "center" });
      openClaim(id, mark || listButton(id));
    }
  }
})();
"""#
}
