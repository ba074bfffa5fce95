/// The web desk's stylesheet (desk.css), served as `/assets/desk.css`: no external font, status
/// colours with WCAG AA contrast, highlights by status with nested runs drawn heavier, focus rings.
enum DeskStyle {
    static let source = #"""
/* FactDesk web desk. Status colours pass WCAG AA: white on each solid colour and each colour on
   its tint are above 4.5:1; text on every tint is above 14:1. No external font. */
:root {
  --unverified: #b3261e; --unverified-tint: #fde4e1;
  --in-review: #1f5fa8; --in-review-tint: #dde9f8;
  --verified: #1b6e3a; --verified-tint: #d9f2e1;
  --false: #6a1b9a; --false-tint: #efe3f8;
  --misleading: #9a4a00; --misleading-tint: #fde3cc;
  --unverifiable: #5d6b73; --unverifiable-tint: #e6eaec;
  --ink: #1a1a1a; --muted: #555f66; --line: #d5d9dc; --paper: #ffffff; --page: #f4f5f6;
  --accent: #14213d; --focus: #ffbf00; --focus-ink: #0b0c0c;
  --ui-font: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif;
  --text-font: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
  --mono-font: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: var(--ui-font); font-size: 15px; line-height: 1.5; margin: 0; color: var(--ink); background: var(--page); }
main { max-width: 92rem; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 .5rem; letter-spacing: -.01em; }
h2 { font-size: 1.05rem; margin: 0 0 .6rem; }
h3 { font-size: .95rem; margin: .9rem 0 .4rem; }
a { color: #1a4f9c; }
a:hover { color: #0d3570; }
code, kbd { font-family: var(--mono-font); font-size: .86em; }
kbd { display: inline-block; min-width: 1.4em; padding: 0 .3em; border: 1px solid #9aa3a9; border-bottom-width: 2px; border-radius: 3px; background: #fff; color: var(--ink); text-align: center; line-height: 1.35; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
[hidden] { display: none !important; }

/* Focus: a dark ring with a yellow halo, visible on white, on tints and on the dark bar. */
:focus-visible { outline: 3px solid var(--focus-ink); outline-offset: 2px; box-shadow: 0 0 0 5px var(--focus); }
.top :focus-visible { outline-color: #fff; }

/* Skip link: off screen until focused. */
.skip { position: absolute; left: .5rem; top: -3rem; z-index: 100; padding: .5rem .9rem; background: var(--focus); color: var(--focus-ink); font-weight: 700; border-radius: 0 0 4px 4px; text-decoration: none; }
.skip:focus { top: 0; }

/* The bar. */
.top { background: var(--accent); color: #fff; }
.top nav { max-width: 92rem; margin: 0 auto; padding: 0 1.5rem; display: flex; align-items: center; gap: 1.25rem; min-height: 3.1rem; flex-wrap: wrap; }
.top a { color: #fff; text-decoration: none; font-weight: 500; padding: .2rem 0; border-bottom: 2px solid transparent; }
.top a:hover { border-bottom-color: #fff; }
.top .brand { font-weight: 800; font-size: 1.1rem; letter-spacing: .01em; margin-right: .75rem; }
.top .brand::before { content: ""; display: inline-block; width: .7rem; height: .7rem; margin-right: .45rem; border-radius: 2px; background: linear-gradient(135deg, var(--verified) 50%, var(--unverified) 50%); vertical-align: 0; }
.top .who { margin-left: auto; color: #d7dce6; font-size: .9rem; }
.top form.inline { display: inline; margin: 0; }
.top button { background: transparent; color: #fff; border: 1px solid #8e9ab3; border-radius: 4px; padding: .25rem .7rem; font: inherit; font-size: .9rem; cursor: pointer; }
.top button:hover { background: #24355e; }

/* Controls. */
button { font: inherit; cursor: pointer; border-radius: 5px; border: 1px solid #8d969c; background: #fff; color: var(--ink); padding: .38rem .8rem; line-height: 1.3; }
button:hover:not(:disabled) { background: #eef1f3; }
button:disabled { cursor: not-allowed; opacity: .55; }
button.primary, form button[type="submit"].primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.primary:hover:not(:disabled) { background: #24355e; }
button.link { background: none; border: 0; padding: 0; color: #1a4f9c; text-decoration: underline; text-align: left; }
input, textarea, select { font: inherit; color: var(--ink); background: #fff; border: 1px solid #8d969c; border-radius: 4px; padding: .38rem .5rem; width: 100%; }
textarea { resize: vertical; line-height: 1.45; }
input:focus-visible, textarea:focus-visible, select:focus-visible { outline-offset: 0; }
label { display: block; margin: .5rem 0; font-size: .9rem; }
label > .label { display: block; font-weight: 600; margin-bottom: .15rem; }
.error { color: #8c1d18; background: #fdecea; border: 1px solid #e6a39d; border-left: 4px solid var(--unverified); padding: .5rem .7rem; border-radius: 4px; margin: .5rem 0; }
.done:empty { display: none; }
.done { color: #14532d; background: #e8f5ec; border-left: 4px solid var(--verified); padding: .4rem .7rem; border-radius: 4px; margin: .5rem 0; font-size: .9rem; }
.flag { display: inline-block; font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: .05rem .4rem; border-radius: 3px; background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a; margin-left: .3rem; vertical-align: .08em; }
.flag.overdue { background: #fdecea; color: #8c1d18; border-color: #e6a39d; }

/* Status colours: --c the solid colour, --tint its light background. */
.s-unverified { --c: var(--unverified); --tint: var(--unverified-tint); }
.s-in-review { --c: var(--in-review); --tint: var(--in-review-tint); }
.s-verified { --c: var(--verified); --tint: var(--verified-tint); }
.s-false { --c: var(--false); --tint: var(--false-tint); }
.s-misleading { --c: var(--misleading); --tint: var(--misleading-tint); }
.s-unverifiable { --c: var(--unverifiable); --tint: var(--unverifiable-tint); }
.badge { display: inline-block; font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; line-height: 1.5; padding: .05rem .45rem; border-radius: 3px; background: var(--c, #555); color: #fff; white-space: nowrap; vertical-align: .1em; }

/* The legend. */
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem 1.1rem; padding: .55rem .8rem; margin: .6rem 0 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; font-size: .85rem; }
.legend li { display: flex; align-items: center; gap: .4rem; }
.swatch { display: inline-block; width: 1.6rem; height: 1rem; background: var(--tint, #eee); border-bottom: 3px solid var(--c, #999); }
.swatch.s-unverified { border-bottom-style: dashed; }
.swatch.s-in-review { border-bottom-style: dotted; }
.swatch.nested-swatch { background: #e9ecee linear-gradient(rgba(0, 0, 0, .14), rgba(0, 0, 0, .14)); border-bottom: 6px solid #333; }

/* Article page: text left, claims right; one column on narrow screens. */
.article-head .meta { color: var(--muted); margin: 0; font-size: .9rem; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(22rem, 28rem); gap: 1.75rem; align-items: start; }
.text-column { min-width: 0; }
.side { position: sticky; top: .75rem; max-height: calc(100vh - 1.5rem); overflow-y: auto; padding: 2px 4px 2px 2px; display: flex; flex-direction: column; gap: .9rem; scrollbar-gutter: stable; }
@media (max-width: 62rem) {
  .columns { grid-template-columns: minmax(0, 1fr); }
  .side { position: static; max-height: none; overflow: visible; }
}
.hint { color: var(--muted); font-size: .88rem; margin: 0 0 .5rem; max-width: 46rem; }
.text-tools { display: flex; align-items: center; gap: .8rem; flex-wrap: wrap; margin: 0 0 .6rem; min-height: 2.3rem; }
.selection-info { font-size: .85rem; color: var(--muted); flex: 1 1 16rem; min-width: 0; overflow-wrap: anywhere; }
#file-claim kbd { margin-left: .35rem; }
#file-claim:not(:disabled) { background: var(--accent); border-color: var(--accent); color: #fff; }
#file-claim:not(:disabled) kbd { background: #24355e; color: #fff; border-color: #8e9ab3; }

.article-text { white-space: pre-wrap; overflow-wrap: break-word; font-family: var(--text-font); font-size: 1.14rem; line-height: 1.95; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 1.4rem 1.8rem; max-width: 48rem; }
.article-text:focus-visible { outline-offset: 3px; box-shadow: none; }
.article-text::selection, .article-text ::selection { background: #9cc3ff; color: #000; }

/* Highlights: the tint of the innermost claim's status with its colour underneath; runs covered by
   several claims (data-depth 2-4) get a thicker rule and a darker tint, so every claim stays
   visible; each claim's first and last runs carry a bracket at its edge. */
mark.hl { color: inherit; background-color: var(--tint, #eee); border-bottom: 2px solid var(--c, #777); padding: 0 0 1px; cursor: pointer; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.hl.s-unverified { border-bottom-style: dashed; }
mark.hl.s-in-review { border-bottom-style: dotted; border-bottom-width: 3px; }
mark.hl.claim-start { border-left: 2px solid var(--c, #777); padding-left: 1px; }
mark.hl.claim-end { border-right: 2px solid var(--c, #777); padding-right: 1px; }
mark.hl.nested, mark.hl[data-depth="2"] { border-bottom-style: solid; border-bottom-width: 4px; background-image: linear-gradient(rgba(0, 0, 0, .08), rgba(0, 0, 0, .08)); }
mark.hl[data-depth="3"] { border-bottom-style: solid; border-bottom-width: 5px; background-image: linear-gradient(rgba(0, 0, 0, .13), rgba(0, 0, 0, .13)); }
mark.hl[data-depth="4"] { border-bottom-style: double; border-bottom-width: 7px; background-image: linear-gradient(rgba(0, 0, 0, .18), rgba(0, 0, 0, .18)); }
mark.hl:hover { background-image: linear-gradient(rgba(0, 0, 0, .12), rgba(0, 0, 0, .12)); }
mark.hl.current { outline: 2px solid var(--ink); outline-offset: 1px; }
mark.hl:focus-visible { outline: 3px solid var(--focus-ink); outline-offset: 2px; box-shadow: 0 0 0 5px var(--focus); }

/* The keyboard caret, drawn beside the text (nothing is added inside it). */
.kbd-caret { position: absolute; width: 2px; background: var(--ink); pointer-events: none; z-index: 20; animation: caret-blink 1.1s steps(1) infinite; }
@keyframes caret-blink { 50% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .kbd-caret { animation: none; } }

/* Panels and forms. */
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1rem 1rem; box-shadow: 0 1px 2px rgba(0, 0, 0, .05); }
.new-claim { border-top: 4px solid var(--accent); }
.new-claim blockquote, .panel .quote { margin: .4rem 0 .6rem; padding: .45rem .7rem; background: #f7f8f9; border-left: 3px solid #8d969c; font-family: var(--text-font); font-size: 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.new-claim .where { font-size: .82rem; color: var(--muted); margin: 0 0 .4rem; }
.new-claim button[type="submit"] { background: var(--accent); border-color: var(--accent); color: #fff; }
.claim-panel { border-top: 4px solid var(--accent); }
.panel-head { display: flex; align-items: center; justify-content: space-between; gap: .5rem; }
.panel-head h2 { margin: 0; }
.panel-head h2:focus { outline: none; }
.panel-head h2:focus-visible { outline: 3px solid var(--focus-ink); outline-offset: 2px; }
.panel-head .close { font-size: 1.3rem; line-height: 1; padding: .15rem .55rem; }
.panel-status { margin: .4rem 0; }
.claim-text { font-weight: 600; font-size: 1.02rem; margin: .4rem 0 .2rem; overflow-wrap: anywhere; }
.status-buttons { border: 0; padding: 0; margin: .6rem 0; }
.status-buttons legend { font-weight: 700; font-size: .9rem; padding: 0; margin-bottom: .3rem; }
.status-grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .3rem; }
.status-button { text-align: left; border-left: 5px solid var(--c); padding: .32rem .35rem; font-size: .82rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.status-button kbd { font-size: .7rem; min-width: 1.2em; padding: 0 .2em; margin-right: .1rem; }
.status-button[aria-pressed="true"] { background: var(--c); border-color: var(--c); color: #fff; font-weight: 700; }
.status-button[aria-pressed="true"] kbd { background: transparent; color: #fff; border-color: rgba(255, 255, 255, .7); }
.status-button[aria-pressed="true"]:hover:not(:disabled) { background: var(--c); }
.verify-form { background: #f1f8f3; border: 1px solid #b9dcc4; border-radius: 6px; padding: .3rem .75rem .75rem; margin: .6rem 0; }
.verify-form h3 { margin-top: .5rem; color: #14532d; }
.verify-form button[type="submit"] { background: var(--verified); border-color: var(--verified); color: #fff; }
.review-box { background: #fff8e1; border: 1px solid #e0c36a; border-radius: 6px; padding: .3rem .75rem .75rem; margin: .6rem 0; }
.review-box h3 { margin-top: .5rem; }
.buttons { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: .4rem; }
.panel-section { border-top: 1px solid var(--line); padding: .15rem 0; }
.panel-section > summary { cursor: pointer; font-weight: 700; font-size: .92rem; padding: .45rem .1rem; list-style-position: inside; }
.panel-section > summary:hover { color: #0d3570; }
.section-body { padding: 0 .1rem .5rem; }
.sources, .notes { list-style: none; margin: .2rem 0 .5rem; padding: 0; }
.sources li, .notes li { padding: .35rem 0; border-bottom: 1px dashed var(--line); overflow-wrap: anywhere; }
.sources .url { font-size: .8rem; }
.notes p { margin: 0; }
.source-note { margin: .1rem 0 0; font-size: .88rem; }
.reattach-preview { font-size: .88rem; overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .8rem 0 0; padding-top: .6rem; border-top: 1px solid var(--line); font-size: .84rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }

/* The history timeline. */
.timeline { list-style: none; margin: .3rem 0; padding: 0 0 0 1.1rem; border-left: 2px solid var(--line); }
.timeline .entry { position: relative; padding: .1rem 0 .6rem .3rem; }
.timeline .entry::before { content: ""; position: absolute; left: -1.55rem; top: .45rem; width: .75rem; height: .75rem; border-radius: 50%; background: var(--c, #8d969c); border: 2px solid var(--paper); box-shadow: 0 0 0 1px var(--c, #8d969c); }
.entry-head { font-size: .85rem; }
.entry .who { font-weight: 700; }
.entry .when { color: var(--muted); }
.entry .what { margin: .1rem 0; font-size: .9rem; overflow-wrap: anywhere; }
.entry .detail { margin: 0; font-size: .84rem; color: var(--muted); }
.entry .commit { margin: 0; font-size: .78rem; color: var(--muted); }
.history-state { font-size: .82rem; }

/* The claim list and flagged claims. */
.claims, .flagged, .revision, .keys { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
.claim-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .3rem; }
.claim-item { width: 100%; text-align: left; border: 1px solid var(--line); border-left: 5px solid var(--c, #999); background: #fff; padding: .4rem .6rem; font-size: .9rem; line-height: 1.35; }
.claim-item .status { display: inline-block; font-size: .68rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: .02rem .35rem; border-radius: 3px; background: var(--c, #555); color: #fff; margin-right: .2rem; vertical-align: .12em; }
.claim-item.current { background: #f2f4f6; border-color: var(--ink); border-left-color: var(--c, #999); }
.flagged ul { list-style: none; padding: 0; margin: 0; }
.flagged li { padding: .4rem 0; border-bottom: 1px dashed var(--line); font-size: .9rem; }
.flagged blockquote { margin: .25rem 0 0; color: var(--muted); font-family: var(--text-font); }
.revision > summary, .keys > summary { cursor: pointer; font-weight: 700; }
.revision textarea { font-family: var(--text-font); }
.keys dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .8rem; margin: .6rem 0 0; font-size: .88rem; }
.keys dd { margin: 0; }

/* The chooser over a run several claims cover. */
.chooser { position: absolute; z-index: 30; max-width: 26rem; background: var(--paper); border: 1px solid #8d969c; border-radius: 6px; box-shadow: 0 6px 24px rgba(0, 0, 0, .18); padding: .5rem; }
.chooser-title { margin: 0 0 .35rem; font-size: .82rem; color: var(--muted); }
.chooser ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .25rem; }
.chooser-item { width: 100%; text-align: left; font-size: .9rem; }

/* Notices after a reload (a filed claim, a stored revision). */
.notice { position: relative; background: #e8f5ec; border: 1px solid #b9dcc4; border-left: 4px solid var(--verified); border-radius: 6px; padding: .5rem 2.5rem .5rem .9rem; margin: .5rem 0; }
.notice p { margin: .2rem 0; }
.notice ul { margin: .3rem 0; padding-left: 1.2rem; font-size: .9rem; }
.notice .dismiss { position: absolute; right: .4rem; top: .4rem; padding: 0 .45rem; font-size: 1.1rem; }
#reanchoring-summary { font-size: 1rem; }

/* The desk (front page). */
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem 1.25rem; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; margin: .5rem 0 1rem; }
.filters label { margin: 0; display: flex; align-items: center; gap: .4rem; }
.filters input[type="search"], .filters select { width: auto; }
.filters input[type="checkbox"] { width: auto; }
table { border-collapse: collapse; }
.articles { width: 100%; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.articles caption { text-align: left; color: var(--muted); font-size: .88rem; padding: .3rem 0; caption-side: top; }
.articles th, .articles td { padding: .55rem .75rem; border-bottom: 1px solid var(--line); text-align: left; }
.articles thead th { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: #f7f8f9; }
.articles tbody th { font-weight: 600; }
.articles tbody th code { color: var(--muted); font-weight: 400; margin-left: .3rem; }
.articles tbody tr:hover { background: #f7f8f9; }
.articles td.count { text-align: center; font-variant-numeric: tabular-nums; font-weight: 700; color: var(--c, var(--ink)); }
.articles td.count.zero { color: #9aa3a9; font-weight: 400; }
.articles td.count.flagged { color: #8c1d18; }
.add-article { margin-top: 1.2rem; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; max-width: 50rem; }
.add-article > summary { cursor: pointer; font-weight: 700; }

/* Sign-in. */
body.signin main { max-width: 26rem; margin: 8vh auto 0; background: var(--paper); border: 1px solid var(--line); border-top: 4px solid var(--accent); border-radius: 8px; padding: 1.5rem 1.75rem 1.75rem; }
.signin-form label { font-weight: 600; }
.signin-form button { margin-top: .6rem; width: 100%; background: var(--accent); border-color: var(--accent); color: #fff; padding: .55rem; }

/* The report. */
.chart { margin: .5rem 0 1.2rem; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem .6rem; max-width: 60rem; }
.chart svg { max-width: 100%; height: auto; overflow: visible; }
.chart figcaption { color: var(--muted); font-size: .85rem; margin-top: .3rem; }
.chart-label { font: 600 13px var(--ui-font); fill: var(--ink); }
.chart-count { font: 700 13px var(--ui-font); fill: var(--ink); }
rect.bar { fill: #8d969c; rx: 3px; }
rect.bar.s-unverified { fill: var(--unverified); }
rect.bar.s-in-review { fill: var(--in-review); }
rect.bar.s-verified { fill: var(--verified); }
rect.bar.s-false { fill: var(--false); }
rect.bar.s-misleading { fill: var(--misleading); }
rect.bar.s-unverifiable { fill: var(--unverifiable); }
.report { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1.75rem 1.5rem; max-width: 60rem; }
.report h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
.report h3 { font-size: 1rem; margin: 1.1rem 0 .3rem; }
.report h3 code { color: var(--muted); font-weight: 400; }
.report table { margin: .6rem 1.5rem .6rem 0; display: inline-table; vertical-align: top; font-size: .9rem; }
.report td, .report th { padding: .3rem .75rem; border: 1px solid var(--line); text-align: left; }
.report th { background: #f7f8f9; }
.report .claim { border-left: 4px solid var(--unverified); background: #fff; padding: .35rem .9rem; margin: .6rem 0; }
.report .claim.settled { border-left-color: var(--verified); background: #fafcfb; }
.report .claim p { margin: .25rem 0; }
.report .status { font-weight: 700; text-transform: uppercase; font-size: .75rem; letter-spacing: .04em; }
.report blockquote { margin: .25rem 0; color: #444; font-family: var(--text-font); }

/* Pages for errors and revisions. */
#main > .error { max-width: 46rem; }

@media print {
  .top, .skip, .side, .text-tools, .hint, .legend { display: none !important; }
  .columns { display: block; }
  body { background: #fff; }
}
"""#
}
