/// The stylesheet of the article page's suggestions (suggest.css, served as `/assets/suggest.css`):
/// a quiet dotted underline under the most check-worthy uncovered sentences, stronger for the
/// first ranks, drawn through the CSS Custom Highlight API so the text's markup is left alone;
/// and the "Where to look first" list beside the text.
enum SuggestStyle {
    static let source = #"""
::highlight(suggest-strong) { text-decoration: underline dotted 2px #9a4a00; text-underline-offset: 3px; }
::highlight(suggest-medium) { text-decoration: underline dotted 1.5px #b86e2a; text-underline-offset: 3px; }
::highlight(suggest-quiet) { text-decoration: underline dotted 1px #c9a27c; text-underline-offset: 3px; }
.suggestions h2 { margin-top: 0; }
.suggestions .hint { color: var(--muted); font-size: .9em; margin: .2rem 0 .6rem; }
.suggestion-list { list-style: none; margin: 0; padding: 0; }
.suggestion-list li { border-top: 1px solid var(--line); padding: .45rem 0; }
.suggestion-list li:first-child { border-top: 0; }
.suggestion-head { display: flex; gap: .5rem; align-items: baseline; font-size: .85em; color: var(--muted); }
.suggestion-rank { font-weight: 700; color: var(--ink); min-width: 1.6em; }
.suggestion-list li.tier-suggest-strong .suggestion-rank { color: #9a4a00; }
.suggestion-sentence { display: block; width: 100%; text-align: left; border: 0; background: none; padding: .15rem 0; font-family: var(--text-font); color: var(--ink); }
.suggestion-sentence:hover { text-decoration: underline dotted; }
.suggestion-reasons { font-size: .8em; color: var(--muted); }
.suggestion-reasons .raises { color: #1b6e3a; }
.suggestion-reasons .lowers { color: #9a4a00; }
.file-suggestion { margin-top: .25rem; font-size: .85em; padding: .2rem .6rem; }
"""#
}
