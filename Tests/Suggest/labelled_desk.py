"""The labelled articles of Tests/Suggest/data, and their sentences as the built `factdesk` ranks them.

Shared by train.py and evaluate.py. Nothing here splits or scores text: every sentence, its span,
its rank and its features (the `reasons` of `factdesk suggest --json`) come from the Swift code,
so the rules live in one place. Python only reads the labels (the ⟦…⟧ markers) and lines them up
with the sentences by their Unicode scalar offsets (a Python str index is a code point).
"""

import csv
import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ROOT = HERE.parent.parent
OPEN, CLOSE = "\u27e6", "\u27e7"


@dataclass
class Sentence:
    rank: int
    start: int
    end: int
    text: str
    features: list
    check_worthy: bool


@dataclass
class Article:
    name: str
    split: str
    text: str
    gold: list  # [(start, end)] of the marked sentences in the plain text
    sentences: list = field(default_factory=list)  # in the ranker's order


def read_articles(split=None):
    """The labelled articles (of one split, or all), plain text and marked spans."""
    with open(DATA / "split.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    articles = []
    for row in rows:
        if split and row["split"] != split:
            continue
        marked = (DATA / "articles" / (row["article"] + ".txt")).read_text(encoding="utf-8")
        text, gold, start = [], [], None
        for char in marked:
            if char == OPEN:
                start = len(text)
            elif char == CLOSE:
                gold.append((start, len(text)))
            else:
                text.append(char)
        articles.append(Article(row["article"], row["split"], "".join(text), gold))
    return articles


def factdesk_binary():
    """The built factdesk: $FACTDESK_BINARY, else the newest debug or release build in the package."""
    if os.environ.get("FACTDESK_BINARY"):
        return os.environ["FACTDESK_BINARY"]
    candidates = [p for p in ROOT.glob(".build*/*/factdesk") if p.is_file() and os.access(p, os.X_OK)]
    if not candidates:
        raise SystemExit("no built factdesk: run `swift build` first or set FACTDESK_BINARY")
    return str(max(candidates, key=lambda p: p.stat().st_mtime))


def rank_with_factdesk(articles, binary=None):
    """Adds each article to a temporary desk and fills its sentences from `factdesk suggest --json`."""
    binary = binary or factdesk_binary()
    with tempfile.TemporaryDirectory(prefix="factdesk-suggest-") as folder:
        env = dict(os.environ, FACTDESK_STORE=os.path.join(folder, "desk"),
                   FACTDESK_EDITOR="Suggest Evaluation <eval@example.org>", GIT_CONFIG_NOSYSTEM="1")

        def run(*arguments, stdin=None):
            result = subprocess.run([binary, *arguments], input=stdin, env=env, capture_output=True, text=True)
            if result.returncode != 0:
                raise SystemExit(f"factdesk {' '.join(arguments)} failed: {result.stderr.strip()}")
            return result.stdout

        run("init")
        for number, article in enumerate(articles):
            slug = f"a{number:03d}"
            run("article", "add", "-", "--id", slug, "--title", article.name, stdin=article.text)
            listing = json.loads(run("suggest", slug, "--json"))
            article.sentences = [sentence_of(article, item) for item in listing["suggestions"]]
    return articles


def sentence_of(article, item):
    start, end = item["start"], item["end"]
    if article.text[start:end] != item["sentence"]:
        raise SystemExit(f"{article.name}: offsets {start}-{end} do not hold the sentence factdesk printed")
    worthy = any(start < gold_end and gold_start < end for gold_start, gold_end in article.gold)
    return Sentence(item["rank"], start, end, item["sentence"], [r["name"] for r in item["reasons"]], worthy)
