#!/usr/bin/env python3
"""Check the schema.org ClaimReview JSON-LD that FactDesk exports.

Usage: python3 check_claimreview.py [--expect-count N] FILE

FILE is a JSON-LD document, or an HTML page with one or more
<script type="application/ld+json"> blocks (each block is checked).
Prints "ok: N ClaimReview" and exits 0 when all is well; otherwise prints
one line per problem on stderr and exits 1. Without --expect-count a file
with no ClaimReview at all is a problem; pass --expect-count 0 to allow it.

Works offline: the schema.org vocabulary comes from the files committed next
to this script (schema.org release 12.0, CC BY-SA 3.0; see README.md), and
JSON-LD expansion (pyld) is given a document loader that serves only the
committed schema.org context and refuses every other URL.
"""

import argparse
import copy
import csv
import datetime
import json
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
CONTEXT_PATH = os.path.join(HERE, "schemaorg-context.jsonld")
TYPES_PATH = os.path.join(HERE, "schemaorg-types.csv")
PROPERTIES_PATH = os.path.join(HERE, "schemaorg-properties.csv")

EXPECTED_CONTEXT = "https://schema.org"
# URLs the offline document loader answers with the committed context.
SCHEMA_CONTEXT_URLS = frozenset([
    "https://schema.org", "https://schema.org/",
    "http://schema.org", "http://schema.org/",
])
SCHEMA_IRI_PREFIXES = ("http://schema.org/", "https://schema.org/")

# Properties of the excerpt types whose schema.org 12.0 range is only Date
# and/or DateTime (rangeIncludes in schemaorg-current-https-properties.csv).
# temporal/temporalCoverage also allow Text, so they are not checked.
DATE_PROPERTIES = frozenset([
    "birthDate", "contentReferenceTime", "dateCreated", "dateModified",
    "datePublished", "deathDate", "dissolutionDate", "expires",
    "foundingDate", "sdDatePublished",
])

# FactDesk's documented rating scale: alternateName -> ratingValue
# (None: the rating carries alternateName only, no numbers).
FACTDESK_SCALE = {"False": 1, "Misleading": 2, "True": 3, "Unverifiable": None}
FACTDESK_WORST = 1
FACTDESK_BEST = 3
RATING_NUMBERS = ("ratingValue", "bestRating", "worstRating")

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-](\d{2}):(\d{2}))$")


# --------------------------------------------------------------------------
# schema.org excerpt

class Schema:
    """Types and properties from the committed schema.org excerpt."""

    def __init__(self, types_path=TYPES_PATH, properties_path=PROPERTIES_PATH):
        self.direct_supertypes = {}
        with open(types_path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                self.direct_supertypes[row["type"]] = row["supertypes"].split()
        self.properties = {}  # type -> set of properties whose domain is that type
        with open(properties_path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                self.properties.setdefault(row["domain"], set()).add(row["property"])

    def knows(self, type_name):
        return type_name in self.direct_supertypes

    def ancestry(self, type_name):
        """The type followed by all its supertypes (transitively)."""
        seen = []
        pending = [type_name]
        while pending:
            name = pending.pop(0)
            if name in seen:
                continue
            seen.append(name)
            pending.extend(self.direct_supertypes.get(name, []))
        return seen

    def is_a(self, type_name, ancestor):
        return ancestor in self.ancestry(type_name)

    def allowed(self, type_name):
        allowed = set()
        for name in self.ancestry(type_name):
            allowed |= self.properties.get(name, set())
        return allowed


# --------------------------------------------------------------------------
# input

class _ScriptExtractor(HTMLParser):
    """Collects the text of every <script type="application/ld+json">."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.blocks = []  # (line, text)
        self._current = None

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        script_type = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if script_type == "application/ld+json":
            self._current = (self.getpos()[0], [])

    def handle_data(self, data):
        if self._current is not None:
            self._current[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.blocks.append((self._current[0], "".join(self._current[1])))
            self._current = None


def load_blocks(path):
    """Returns ([(label, json_text)], problems)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        return [], ["%s: cannot read file: %s" % (path, error.strerror or error)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], ["%s: not UTF-8: %s" % (path, error)]
    if not text.lstrip().startswith("<"):
        return [(path, text)], []
    extractor = _ScriptExtractor()
    extractor.feed(text)
    extractor.close()
    if extractor._current is not None:
        return [], ["%s:%d: unterminated <script type=\"application/ld+json\">"
                    % (path, extractor._current[0])]
    if not extractor.blocks:
        return [], ["%s: no <script type=\"application/ld+json\"> block found" % path]
    return [("%s:%d (script %d)" % (path, line, index), body)
            for index, (line, body) in enumerate(extractor.blocks, 1)], []


# --------------------------------------------------------------------------
# helpers

def is_node(value):
    return (isinstance(value, dict) and "@value" not in value
            and "@list" not in value and "@set" not in value)


def as_list(value):
    return value if isinstance(value, list) else [value]


def nonempty_string(value):
    return isinstance(value, str) and value.strip() != ""


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_http_url(value):
    if not isinstance(value, str) or value != value.strip() or any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and bool(parts.hostname)


def short_type(name):
    if isinstance(name, str):
        for prefix in SCHEMA_IRI_PREFIXES:
            if name.startswith(prefix):
                return name[len(prefix):]
        if name.startswith("schema:"):
            return name[len("schema:"):]
    return name


def node_types(node):
    value = node.get("@type")
    if value is None:
        return []
    return [short_type(t) for t in as_list(value)]


def iso_date_problem(value):
    """None if value is YYYY-MM-DD or a full date-time with timezone."""
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    if not isinstance(value, str):
        return "%s is not a string" % json.dumps(value, ensure_ascii=False)
    shown = json.dumps(value, ensure_ascii=False)
    match = DATE_RE.match(value)
    if match:
        try:
            datetime.date(*map(int, match.groups()))
        except ValueError:
            return "%s is not a valid calendar date" % shown
        return None
    match = DATETIME_RE.match(value)
    if match:
        year, month, day, hour, minute, second = match.groups()[:6]
        tz_hour, tz_minute = match.group(8), match.group(9)
        try:
            datetime.date(int(year), int(month), int(day))
            datetime.time(int(hour), int(minute), int(second or 0))
            if tz_hour is not None:
                datetime.time(int(tz_hour), int(tz_minute))
        except ValueError:
            return "%s is not a valid date-time" % shown
        return None
    return ("%s is not ISO 8601 (expected YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]"
            " with Z or +hh:mm)" % shown)


def join(path, key):
    return "%s.%s" % (path, key)


def index(path, key, position, is_list):
    return "%s.%s[%d]" % (path, key, position) if is_list else "%s.%s" % (path, key)


# --------------------------------------------------------------------------
# checks

class Checker:
    def __init__(self, schema=None, context=None):
        self.schema = schema or Schema()
        if context is None:
            with open(CONTEXT_PATH, encoding="utf-8") as handle:
                context = json.load(handle)
        self.context = context

    # -- one document -------------------------------------------------------
    def check_text(self, label, text):
        """Returns (number of ClaimReview nodes, [problem lines])."""
        self.problems = []
        self.count = 0
        try:
            document = json.loads(text)
        except ValueError as error:
            return 0, ["%s: not valid JSON: %s" % (label, error)]
        top_nodes = self.check_shape(document)
        if top_nodes is not None:
            for node, path in top_nodes:
                self.walk(node, path)
            self.check_expansion(document, top_nodes)
        return self.count, ["%s: %s" % (label, problem) for problem in self.problems]

    def problem(self, path, message):
        self.problems.append("%s: %s" % (path, message) if path else message)

    def check_shape(self, document):
        """Checks @context and top-level shape; returns [(node, path)] or None."""
        if not isinstance(document, dict):
            self.problem("$", "top level must be a JSON object (one node or"
                         " {\"@context\", \"@graph\"}), got %s" % type(document).__name__)
            return None
        if "@context" not in document:
            self.problem("$", "missing @context (expected \"%s\")" % EXPECTED_CONTEXT)
        elif document["@context"] != EXPECTED_CONTEXT:
            self.problem("$.@context", "@context must be the string \"%s\", got %s"
                         % (EXPECTED_CONTEXT, json.dumps(document["@context"], ensure_ascii=False)))
        if "@graph" not in document:
            return [(document, "$")]
        extra = sorted(set(document) - {"@context", "@graph"})
        if extra:
            self.problem("$", "a document with @graph must contain only @context and"
                         " @graph; also found %s" % ", ".join(extra))
        graph = document["@graph"]
        if not isinstance(graph, list):
            self.problem("$.@graph", "@graph must be a list of nodes")
            return None
        nodes = []
        for position, node in enumerate(graph):
            path = "$.@graph[%d]" % position
            if not isinstance(node, dict):
                self.problem(path, "@graph entries must be node objects")
            else:
                nodes.append((node, path))
        return nodes

    def walk(self, node, path):
        """Generic checks on a node and (recursively) all nodes inside it."""
        if "@context" in node and path != "$":
            self.problem(path, "nested @context is not allowed (use the single"
                         " top-level \"%s\")" % EXPECTED_CONTEXT)
        self.check_properties(node, path)
        self.check_dates(node, path)
        if "ClaimReview" in node_types(node):
            self.count += 1
            self.check_claim_review(node, path)
        for key, value in node.items():
            if key.startswith("@"):
                continue
            is_list = isinstance(value, list)
            for position, item in enumerate(as_list(value)):
                self.walk_value(item, index(path, key, position, is_list))

    def walk_value(self, value, path):
        if isinstance(value, dict):
            if "@list" in value or "@set" in value:
                inner = value.get("@list", value.get("@set"))
                for position, item in enumerate(as_list(inner)):
                    self.walk_value(item, "%s[%d]" % (path, position))
            elif "@value" not in value:
                self.walk(value, path)
        elif isinstance(value, list):
            for position, item in enumerate(value):
                self.walk_value(item, "%s[%d]" % (path, position))

    def check_properties(self, node, path):
        raw_type = node.get("@type")
        if raw_type is not None and not all(isinstance(t, str) for t in as_list(raw_type)):
            self.problem(join(path, "@type"), "@type must be a string or a list of strings")
            return
        types = node_types(node)
        keys = [key for key in node if not key.startswith("@")]
        if not types:
            if keys:
                self.problem(path, "node has no @type, so its properties (%s) cannot be"
                             " checked" % ", ".join(keys))
            return
        known = [t for t in types if self.schema.knows(t)]
        for type_name in types:
            if not self.schema.knows(type_name):
                self.problem(join(path, "@type"), "unknown @type %s (not in the committed"
                             " schema.org excerpt, schemaorg-types.csv)"
                             % json.dumps(type_name, ensure_ascii=False))
        if not known:
            return
        allowed = set()
        for type_name in known:
            allowed |= self.schema.allowed(type_name)
        for key in keys:
            if key not in allowed:
                hint = ""
                if key in ("type", "id", "context", "graph"):
                    hint = " (did you mean \"@%s\"?)" % key
                self.problem(join(path, key), "\"%s\" is not a schema.org property of %s"
                             " or its supertypes%s"
                             % (key, "/".join(known), hint))

    def check_dates(self, node, path):
        for key in DATE_PROPERTIES:
            if key not in node:
                continue
            is_list = isinstance(node[key], list)
            for position, value in enumerate(as_list(node[key])):
                problem = iso_date_problem(value)
                if problem:
                    self.problem(index(path, key, position, is_list),
                                 "%s %s" % (key, problem))

    # -- ClaimReview --------------------------------------------------------
    def has_type(self, node, ancestor):
        return isinstance(node, dict) and any(
            self.schema.is_a(t, ancestor) for t in node_types(node))

    def single_object(self, node, key, path, what):
        """node[key] as one object, or None (after reporting a problem)."""
        value = node[key]
        if not isinstance(value, dict):
            self.problem(join(path, key), "%s must be a single %s object, got %s"
                         % (key, what, json.dumps(value, ensure_ascii=False)[:80]))
            return None
        return value

    def check_claim_review(self, node, path):
        def missing(key, why):
            self.problem(path, "ClaimReview is missing %s (%s)" % (key, why))

        required = "required by Google"
        recommended = "recommended by Google; FactDesk always sets it"

        if "claimReviewed" not in node:
            missing("claimReviewed", required)
        elif not nonempty_string(node["claimReviewed"]):
            self.problem(join(path, "claimReviewed"), "claimReviewed must be a non-empty string")

        if "url" not in node:
            missing("url", required)
        elif not is_http_url(node["url"]):
            self.problem(join(path, "url"), "url %s is not an absolute http(s) URL"
                         % json.dumps(node["url"], ensure_ascii=False))

        if "reviewRating" not in node:
            missing("reviewRating", required)
        else:
            rating = self.single_object(node, "reviewRating", path, "Rating")
            if rating is not None:
                self.check_rating(rating, join(path, "reviewRating"))

        if "author" not in node:
            missing("author", recommended)
        else:
            authors = node["author"]
            is_list = isinstance(authors, list)
            for position, author in enumerate(as_list(authors)):
                self.check_review_author(author, index(path, "author", position, is_list))

        if "datePublished" not in node:
            missing("datePublished", recommended)

        if "itemReviewed" not in node:
            missing("itemReviewed", recommended)
        else:
            claim = self.single_object(node, "itemReviewed", path, "Claim")
            if claim is not None:
                self.check_claim(claim, join(path, "itemReviewed"))

    def check_review_author(self, author, path):
        if not self.has_type(author, "Organization"):
            self.problem(path, "ClaimReview author must be an Organization")
            if not isinstance(author, dict):
                return
        if not nonempty_string(author.get("name")):
            self.problem(path, "ClaimReview author has no name")
        if "url" not in author:
            self.problem(path, "ClaimReview author has no url")
        elif not is_http_url(author["url"]):
            self.problem(join(path, "url"), "author url %s is not an absolute http(s) URL"
                         % json.dumps(author["url"], ensure_ascii=False))

    def check_rating(self, rating, path):
        if not self.has_type(rating, "Rating"):
            self.problem(path, "reviewRating must have @type Rating")
        alternate = rating.get("alternateName")
        if "alternateName" not in rating:
            self.problem(path, "reviewRating is missing alternateName (required by Google)")
        elif not nonempty_string(alternate):
            self.problem(join(path, "alternateName"),
                         "reviewRating.alternateName must be a non-empty string")

        present = [key for key in RATING_NUMBERS if key in rating]
        numbers_ok = False
        if present:
            absent = [key for key in RATING_NUMBERS if key not in rating]
            if absent:
                self.problem(path, "reviewRating has %s but not %s: give all of"
                             " ratingValue, bestRating, worstRating or none"
                             % (", ".join(present), ", ".join(absent)))
            not_numbers = [key for key in present if not is_number(rating[key])]
            for key in not_numbers:
                self.problem(join(path, key), "reviewRating.%s must be a number, got %s"
                             % (key, json.dumps(rating[key], ensure_ascii=False)))
            if not absent and not not_numbers:
                numbers_ok = True
                value, best, worst = (rating[k] for k in RATING_NUMBERS)
                if worst > best:
                    self.problem(path, "reviewRating.worstRating %s is greater than"
                                 " bestRating %s" % (worst, best))
                elif not worst <= value <= best:
                    self.problem(join(path, "ratingValue"),
                                 "reviewRating.ratingValue %s is outside"
                                 " worstRating..bestRating (%s..%s)" % (value, worst, best))

        if not nonempty_string(alternate):
            return
        if alternate not in FACTDESK_SCALE:
            self.problem(join(path, "alternateName"),
                         "reviewRating.alternateName %s is not on FactDesk's scale (%s)"
                         % (json.dumps(alternate, ensure_ascii=False),
                            ", ".join(sorted(FACTDESK_SCALE))))
            return
        expected = FACTDESK_SCALE[alternate]
        if expected is None:
            if present:
                self.problem(path, "reviewRating \"%s\" must carry alternateName only,"
                             " but has %s" % (alternate, ", ".join(present)))
            return
        if "ratingValue" not in rating:
            self.problem(path, "reviewRating \"%s\" must have ratingValue %d (FactDesk's"
                         " scale)" % (alternate, expected))
            return
        if numbers_ok:
            wanted = {"ratingValue": expected, "bestRating": FACTDESK_BEST,
                      "worstRating": FACTDESK_WORST}
            for key in RATING_NUMBERS:
                if rating[key] != wanted[key]:
                    self.problem(join(path, key), "reviewRating \"%s\" has %s %s but"
                                 " FactDesk's scale says %d"
                                 % (alternate, key, rating[key], wanted[key]))

    def check_creative_work_with_url(self, work, path, what):
        if not self.has_type(work, "CreativeWork"):
            self.problem(path, "%s must be a CreativeWork" % what)
            if not isinstance(work, dict):
                return False
        if "url" not in work:
            self.problem(path, "%s has no url" % what)
            return False
        if not is_http_url(work["url"]):
            self.problem(join(path, "url"), "%s url %s is not an absolute http(s) URL"
                         % (what, json.dumps(work["url"], ensure_ascii=False)))
            return False
        return True

    def check_claim(self, claim, path):
        if not self.has_type(claim, "Claim"):
            self.problem(path, "itemReviewed must have @type Claim")

        if "author" in claim:
            authors = claim["author"]
            is_list = isinstance(authors, list)
            for position, author in enumerate(as_list(authors)):
                author_path = index(path, "author", position, is_list)
                if not (self.has_type(author, "Person") or self.has_type(author, "Organization")):
                    self.problem(author_path, "claim author must be a Person or Organization")
                if not isinstance(author, dict) or not nonempty_string(author.get("name")):
                    self.problem(author_path, "claim author has no name")

        first_url = None
        if "appearance" in claim:
            appearances = claim["appearance"]
            if not isinstance(appearances, list):
                self.problem(join(path, "appearance"), "appearance must be a list of CreativeWork")
            elif not appearances:
                self.problem(join(path, "appearance"), "appearance is an empty list")
            else:
                for position, work in enumerate(appearances):
                    ok = self.check_creative_work_with_url(
                        work, "%s.appearance[%d]" % (path, position), "appearance")
                    if position == 0 and ok:
                        first_url = work["url"]

        if "firstAppearance" in claim:
            first = self.single_object(claim, "firstAppearance", path, "CreativeWork")
            if first is not None:
                first_path = join(path, "firstAppearance")
                ok = self.check_creative_work_with_url(first, first_path, "firstAppearance")
                if "appearance" not in claim:
                    self.problem(first_path, "firstAppearance is set but appearance is not")
                elif ok and first_url is not None and first["url"] != first_url:
                    self.problem(join(first_path, "url"), "firstAppearance.url %s differs from"
                                 " appearance[0].url %s" % (json.dumps(first["url"]),
                                                            json.dumps(first_url)))

    # -- JSON-LD expansion --------------------------------------------------
    def check_expansion(self, document, top_nodes):
        try:
            from pyld import jsonld
        except ImportError:
            self.problem("", "pyld is not installed, cannot check JSON-LD expansion"
                         " (pip install pyld)")
            return
        refused = []

        def offline_loader(url, options=None):
            if url in SCHEMA_CONTEXT_URLS:
                return {"contextUrl": None, "documentUrl": url,
                        "contentType": "application/ld+json",
                        "document": copy.deepcopy(self.context)}
            refused.append(url)
            raise jsonld.JsonLdError(
                "offline: refusing to load %s" % url, "jsonld.LoadDocumentError",
                {"url": url}, code="loading document failed")

        try:
            expanded = jsonld.expand(copy.deepcopy(document), {"documentLoader": offline_loader})
        except Exception as error:  # pyld raises JsonLdError, but be safe
            if refused:
                self.problem("$", "JSON-LD expansion needs %s, which is not available offline"
                             " (only the schema.org context is)" % ", ".join(refused))
            else:
                self.problem("$", "JSON-LD expansion failed: %s" % str(error).splitlines()[0])
            return

        if not isinstance(expanded, list):
            expanded = [expanded]
        if len(expanded) != len(top_nodes):
            self.problem("$", "JSON-LD expansion kept %d of %d top-level nodes (a node was"
                         " dropped)" % (len(expanded), len(top_nodes)))
            return
        for (node, path), expanded_node in zip(top_nodes, expanded):
            self.compare_node(node, expanded_node, path)

    def compare_node(self, node, expanded, path):
        if not isinstance(expanded, dict):
            self.problem(path, "JSON-LD expansion turned this node into %s"
                         % json.dumps(expanded)[:80])
            return
        for key, value in node.items():
            if key.startswith("@"):
                continue
            expanded_values = None
            for prefix in SCHEMA_IRI_PREFIXES:
                if prefix + key in expanded:
                    expanded_values = expanded[prefix + key]
                    break
            if expanded_values is None:
                self.problem(join(path, key), "\"%s\" is dropped by JSON-LD expansion"
                             " (no schema.org IRI for it in the expanded document)" % key)
                continue
            values = as_list(value)
            expanded_values = as_list(expanded_values)
            if len(values) != len(expanded_values):
                self.problem(join(path, key), "\"%s\" has %d value(s) but %d after JSON-LD"
                             " expansion" % (key, len(values), len(expanded_values)))
                continue
            is_list = isinstance(value, list)
            for position, (item, expanded_item) in enumerate(zip(values, expanded_values)):
                self.compare_value(item, expanded_item, index(path, key, position, is_list))

    def compare_value(self, value, expanded, path):
        if not isinstance(value, dict) or "@value" in value:
            return
        if "@list" in value:
            items = as_list(value["@list"])
            expanded_items = expanded.get("@list") if isinstance(expanded, dict) else None
            if not isinstance(expanded_items, list) or len(expanded_items) != len(items):
                self.problem(path, "@list lost values in JSON-LD expansion")
                return
            for position, (item, expanded_item) in enumerate(zip(items, expanded_items)):
                self.compare_value(item, expanded_item, "%s[%d]" % (path, position))
            return
        if "@set" in value:
            return
        self.compare_node(value, expanded, path)


# --------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Check FactDesk's schema.org ClaimReview JSON-LD (a .jsonld file or"
                    " an HTML page with application/ld+json script blocks).")
    parser.add_argument("file", help="JSON-LD document or HTML page")
    parser.add_argument("--expect-count", type=int, metavar="N",
                        help="fail unless exactly N ClaimReview nodes are found")
    args = parser.parse_args(argv)

    blocks, problems = load_blocks(args.file)
    checker = Checker()
    total = 0
    for label, text in blocks:
        count, block_problems = checker.check_text(label, text)
        total += count
        problems.extend(block_problems)

    if args.expect_count is not None:
        if total != args.expect_count:
            problems.append("%s: expected %d ClaimReview, found %d"
                            % (args.file, args.expect_count, total))
    elif total == 0 and blocks and not problems:
        problems.append("%s: no ClaimReview found (use --expect-count 0 to allow that)"
                        % args.file)

    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return 1
    print("ok: %d ClaimReview" % total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
