#!/usr/bin/env python3
"""Evaluates the check-worthiness ranker on the TEST split against two baselines.

    swift build && python3 Tests/Suggest/evaluate.py [--json] [--check] [--articles GROUP]

For every test article: the sentences as the built `factdesk suggest --json` splits and ranks
them; a sentence is check-worthy when it overlaps a ⟦…⟧ span. Measures per article, averaged
over articles: P@5, P@10 and average precision (MAP), for
  ranker  the order `factdesk suggest` prints,
  random  a random order (averaged over 200 seeds),
  digit   sentences holding a digit first, ties in text order.
P@5 is also given over the articles with at least 5 check-worthy sentences, the only ones on
which a perfect ranker reaches 1 (the ceiling over all articles is printed). --check exits 1
unless MAP ≥ digit MAP + 0.08 and P@5 ≥ 0.9 on those articles.

The test split holds short articles (about 190 words, 001–060) and full-length stories (061–072,
about 900–1,000 words, the issue's "fact-checker facing a long story"). The table ends with the
summary of each group; `--articles short` or `--articles long` evaluates (and `--check`s) one group
only, and `--articles NAME,NAME` the named test articles (a name or its number prefix, as `061`).
Without `--articles`, every test article is evaluated, as before.
"""

import json
import random
import sys

from labelled_desk import rank_with_factdesk, read_articles
from metrics import average_precision, precision_at

SEEDS = 200
LONG_WORDS = 500  # an article of at least this many words is a full-length story
MAP_MARGIN = 0.08
P5_TARGET = 0.9


def measures(labels):
    return {"p5": precision_at(labels, 5), "p10": precision_at(labels, 10), "ap": average_precision(labels)}


def ranker_order(article):
    return [s.check_worthy for s in article.sentences]


def digit_order(article):
    in_text = sorted(article.sentences, key=lambda s: s.start)
    return [s.check_worthy for s in sorted(in_text, key=lambda s: not any(c.isdigit() for c in s.text))]


def random_measures(article):
    labels = [s.check_worthy for s in article.sentences]
    runs = []
    for seed in range(SEEDS):
        shuffled = labels[:]
        random.Random(seed).shuffle(shuffled)
        runs.append(measures(shuffled))
    return {key: sum(run[key] for run in runs) / SEEDS for key in runs[0]}


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def is_long(article):
    return len(article.text.split()) >= LONG_WORDS


def select(articles, spec):
    """The articles `--articles` names: `short`, `long`, or names / number prefixes separated by commas."""
    if spec in (None, "all"):
        return articles
    if spec == "short":
        return [a for a in articles if not is_long(a)]
    if spec == "long":
        return [a for a in articles if is_long(a)]
    wanted = [w.strip() for w in spec.split(",") if w.strip()]
    chosen = [a for a in articles if any(a.name == w or a.name.startswith(w + "-") for w in wanted)]
    missing = [w for w in wanted if not any(a.name == w or a.name.startswith(w + "-") for a in articles)]
    if missing or not chosen:
        raise SystemExit(f"--articles: no test article matches {', '.join(missing) or spec}")
    return chosen


def evaluate(articles):
    rows = []
    for article in articles:
        worthy = sum(s.check_worthy for s in article.sentences)
        rows.append({"article": article.name, "long": is_long(article), "sentences": len(article.sentences), "checkWorthy": worthy,
                     "ranker": measures(ranker_order(article)), "digit": measures(digit_order(article)),
                     "random": random_measures(article), "ceilingP5": min(worthy, 5) / 5})
    exact = sum(1 for a in articles for g in a.gold if any((s.start, s.end) == g for s in a.sentences))
    gold = sum(len(a.gold) for a in articles)
    missed = [{"article": a.name, "start": g[0], "end": g[1], "sentence": a.text[g[0]:g[1]]}
              for a in articles for g in a.gold if not any((s.start, s.end) == g for s in a.sentences)]
    result = summarise(rows)
    result.update({"goldSpans": gold, "goldSpansSplitExactly": exact, "goldSpansNotSplitExactly": missed})
    groups = {name: [r for r in rows if r["long"] == (name == "long")] for name in ("short", "long")}
    if all(groups.values()):
        result["groups"] = {name: summarise(group) for name, group in groups.items()}
    return result


def summarise(rows):
    full = [row for row in rows if row["checkWorthy"] >= 5]
    summary = {}
    for system in ("ranker", "random", "digit"):
        summary[system] = {"P@5": mean(r[system]["p5"] for r in rows), "P@10": mean(r[system]["p10"] for r in rows),
                           "MAP": mean(r[system]["ap"] for r in rows),
                           "P@5 (articles with ≥5)": mean(r[system]["p5"] for r in full)}
    return {"articles": rows, "summary": summary, "ceilingP5": mean(r["ceilingP5"] for r in rows),
            "articlesWithFive": len(full)}


def report(result):
    print(f"{'article':<38} {'n':>3} {'cw':>3}   ranker P@5 P@10  AP    digit P@5 P@10  AP")
    for row in result["articles"]:
        r, d = row["ranker"], row["digit"]
        print(f"{row['article']:<38} {row['sentences']:>3} {row['checkWorthy']:>3}   "
              f"{r['p5']:>10.2f} {r['p10']:>4.2f} {r['ap']:.2f} {d['p5']:>9.2f} {d['p10']:>4.2f} {d['ap']:.2f}")
    print()
    summary_table(result)
    for name, group in result.get("groups", {}).items():
        print()
        label = "short articles (< %d words)" % LONG_WORDS if name == "short" else "full-length stories (≥ %d words)" % LONG_WORDS
        print(f"{len(group['articles'])} {label}:")
        summary_table(group)
    print()
    print(f"Marked sentences that the splitter returns exactly: {result['goldSpansSplitExactly']} of {result['goldSpans']}.")
    for span in result["goldSpansNotSplitExactly"]:
        print(f"  not split exactly: {span['article']} {span['start']}-{span['end']}: {span['sentence'][:80]}")


def summary_table(result):
    print(f"{'':<8} {'P@5':>6} {'P@10':>6} {'MAP':>6} {'P@5 (≥5 cw)':>12}")
    for system, values in result["summary"].items():
        print(f"{system:<8} {values['P@5']:>6.3f} {values['P@10']:>6.3f} {values['MAP']:>6.3f} {values['P@5 (articles with ≥5)']:>12.3f}")
    print(f"P@5 ceiling over these {len(result['articles'])} test articles: {result['ceilingP5']:.3f} "
          f"(some may have fewer than 5 check-worthy sentences); {result['articlesWithFive']} have at least 5.")


def targets_met(result):
    ranker, digit = result["summary"]["ranker"], result["summary"]["digit"]
    problems = []
    if ranker["MAP"] < digit["MAP"] + MAP_MARGIN:
        problems.append(f"MAP {ranker['MAP']:.3f} is below the digit baseline {digit['MAP']:.3f} + {MAP_MARGIN}")
    if ranker["P@5 (articles with ≥5)"] < P5_TARGET:
        problems.append(f"P@5 {ranker['P@5 (articles with ≥5)']:.3f} (articles with ≥5 check-worthy) is below {P5_TARGET}")
    return problems


def main():
    spec = None
    if "--articles" in sys.argv:
        position = sys.argv.index("--articles")
        if position + 1 >= len(sys.argv):
            raise SystemExit("--articles needs short, long or article names")
        spec = sys.argv[position + 1]
    result = evaluate(rank_with_factdesk(select(read_articles("test"), spec)))
    if "--json" in sys.argv:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        report(result)
    if "--check" in sys.argv:
        problems = targets_met(result)
        for problem in problems:
            print("target missed: " + problem, file=sys.stderr)
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
