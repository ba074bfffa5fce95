#!/usr/bin/env python3
"""Checks the committed OpenAPI document (docs/openapi.json) against a running `factdesk serve`
with schemathesis (PyPI): no 5xx on any generated input, every response matching the document.

    python3 Tests/Server/schemathesis_run.py [--factdesk PATH] [--max-examples N] [--seed N] [--report-dir DIR]

It makes a throwaway desk with the `factdesk` binary (articles `budget` and `roads`, the second-editor
policy on, claims in every state a response can describe: in review with an assignee, a deadline and
an attribution; a verdict proposed by a second editor; a verdict approved; a claim changed by a new
revision), adds an editor (`factdesk editor add`) whose token authenticates every request, serves the
desk on a free loopback port (`factdesk serve --port 0`), runs schemathesis on the document against
it, checks the server is still up and answering, stops it and removes the desk. The desk's own
values (claim ids, quotes, editors, URLs, dates) are handed to schemathesis as dictionaries so that
generated requests get past "no such claim" into the desk's rules. Exits 0 only when schemathesis
found nothing and the server survived; a missing schemathesis is a failure, not a skip.

Checks: `--checks all`, with two changes:
  - positive_data_acceptance keeps its defaults but also accepts 422: a body can match the schema and
    still be refused by a rule of the desk that no schema expresses (a quote that is not in the text,
    exactly one of quote / span / paragraph, an editor nobody knows, a source already cited, a status
    the claim already has). 400 stays a failure there: a schema-valid body the server cannot decode
    is a contract bug.
  - object_level_authorization is dropped: the desk has no per-editor ownership (every signed-in
    editor may read and change every claim, by design), so one editor reaching another's claim is
    not a leak.
Everything else (not_a_server_error, ignored_auth, status_code_conformance, content_type_conformance,
response_headers_conformance, response_schema_conformance, negative_data_rejection,
missing_required_header, unsupported_method, allow_header_conformance, use_after_free,
ensure_resource_availability) must hold.

CI: python3 -m pip install 'schemathesis==4.32.5' (the version this was written against; the seed
gives the same inputs only with the same version).
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "docs" / "openapi.json"
EDITOR = "Ana Ruiz <ana@example.org>"
SECOND_EDITOR = "Ben Okafor <ben@example.org>"

ARTICLE = (
    "The council approved a budget of €4.2 million on Tuesday, the largest in a decade.\n\n"
    "“We have cut waste,” said Mayor Zoë Laurent 🇫🇷. Officials said more than a dozen projects were delayed.\n\n"
    "Critics said the figure was misleading and that the reserve fund had shrunk by half.\n"
)
REVISION = (
    "The council approved a budget of €4.2 million on Tuesday, the largest in a decade.\n\n"
    "“We have cut waste,” said Mayor Zoë Laurent 🇫🇷. Officials said more than twenty projects were late.\n\n"
    "Critics said the figure was misleading and that the reserve fund had shrunk by half.\n"
)


def config_text(claims: list[str]) -> str:
    """schemathesis.toml for one run: the check settings, and the desk's own values (its claim ids,
    article ids, quotes from its text, editors, URLs, dates) drawn often enough for requests to get
    past "no such claim" into the desk's rules; the rest of the time values are generated."""
    def toml_list(values: list[str]) -> str:
        return "[" + ", ".join(json.dumps(value, ensure_ascii=False) for value in values) + "]"

    ids = claims + [claims[0][:6], claims[1][2:]]  # whole ids, and prefixes with and without c-
    quotes = ["€4.2 million", "the largest in a decade", "“We have cut waste,”", "more than twenty projects were late",
              "Zoë Laurent 🇫🇷", "the reserve fund had shrunk by half", "said"]  # `said` occurs twice: 409
    urls = ["https://council.example/minutes", "https://news.example/budget", "http://archive.example/2025?page=2",
            "mailto:desk@example.org", "doi:10.1000/182", "javascript:alert(1)"]
    editors = [EDITOR, SECOND_EDITOR, "Ana Ruiz", "me"]
    dates = ["2026-12-01", "2026-12-01T18:00:00Z", "2026-12-01T18:00:00+02:00", "today", "tomorrow", "2026-02-30"]
    return f"""# Written by Tests/Server/schemathesis_run.py for one run.
[checks.positive_data_acceptance]
# The defaults, and 422: a schema-valid body may break a rule of the desk no schema can express.
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]

[dictionaries]
claims = {{ values = {toml_list(ids)} }}
articles = {{ values = ["budget", "roads"] }}
quotes = {{ values = {toml_list(quotes)} }}
urls = {{ values = {toml_list(urls)} }}
editors = {{ values = {toml_list(editors)} }}
dates = {{ values = {toml_list(dates)} }}

[parameters]
"path.id" = {{ dictionary = "claims", probability = 0.8 }}
"path.slug" = {{ dictionary = "articles", probability = 0.8 }}
"query.article" = {{ dictionary = "articles", probability = 0.7 }}
"query.assignee" = {{ dictionary = "editors", probability = 0.7 }}
"body.quote" = {{ dictionary = "quotes", probability = 0.6 }}
"body.url" = {{ dictionary = "urls", probability = 0.7 }}
"body.sources[*]" = {{ dictionary = "urls", probability = 0.7 }}
"body.appearances[*]" = {{ dictionary = "urls", probability = 0.7 }}
"body.assignee" = {{ dictionary = "editors", probability = 0.7 }}
"body.due" = {{ dictionary = "dates", probability = 0.6 }}
"body.claimDate" = {{ dictionary = "dates", probability = 0.6 }}
"""


def fail(message: str) -> "NoReturn":  # noqa: F821
    print(f"schemathesis_run: {message}", file=sys.stderr)
    sys.exit(2)


def find_factdesk(given: str | None) -> str:
    candidates = [given] if given else [os.environ.get("FACTDESK_BIN"), str(ROOT / ".build" / "debug" / "factdesk")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    fail(f"no factdesk binary (tried {', '.join(c for c in candidates if c)}); build it first or pass --factdesk PATH")


def schemathesis_available() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import schemathesis.cli"], capture_output=True)
    return probe.returncode == 0


def run_factdesk(factdesk: str, arguments: list[str], env: dict, stdin: str | None = None) -> str:
    result = subprocess.run([factdesk, *arguments], input=stdin, capture_output=True, text=True, env=env, timeout=120)
    if result.returncode != 0:
        fail(f"factdesk {' '.join(arguments)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def make_desk(factdesk: str, work: pathlib.Path, env: dict) -> tuple[str, str, list[str]]:
    """The desk's path, the sign-in token of its editor, and its claim ids."""
    desk = str(work / "desk")
    store = ["--store", desk]
    run_factdesk(factdesk, ["init", *store], env)
    # Verdicts need a second editor: the review route then has proposals to settle.
    run_factdesk(factdesk, ["policy", "set", "second-review", "on", *store], env)
    run_factdesk(factdesk, ["article", "add", "-", "--id", "budget", "--title", "Council passes record budget",
                            "--url", "https://news.example/budget", *store], env, stdin=ARTICLE)
    run_factdesk(factdesk, ["article", "add", "-", "--id", "roads", "--title", "Roads", *store], env,
                 stdin="The mayor said every road would be repaired by spring.\n")

    def annotate(*arguments: str, article: str = "budget") -> str:
        return run_factdesk(factdesk, ["annotate", article, *arguments, *store], env).strip()

    record = annotate("--quote", "the largest in a decade", "--claim", "Largest budget in a decade",
                      "--assignee", EDITOR, "--due", "2026-01-15", "--claimant", "Zoë Laurent",
                      "--claim-date", "2026-01-06", "--appearance", "https://news.example/budget")
    proposed = annotate("--quote", "€4.2 million", "--claim", "The budget is €4.2 million",
                        "--source", "https://council.example/budget.pdf", "--note", "From the published budget.")
    changed = annotate("--quote", "more than a dozen projects were delayed", "--claim", "A dozen projects delayed")
    settled = annotate("--paragraph", "3", "--claim", "The reserve fund halved", "--source", "https://council.example/reserve")
    roads = annotate("--paragraph", "1", "--claim", "Every road repaired by spring", article="roads")
    second = dict(env, FACTDESK_EDITOR=SECOND_EDITOR)
    # Proposed by the second editor: the API's editor may approve or reject it.
    run_factdesk(factdesk, ["verify", proposed, *store], second)
    # Proposed by the second editor, approved by the first: settled.
    run_factdesk(factdesk, ["status", settled, "misleading", "--note", "Halved is too strong.", *store], second)
    run_factdesk(factdesk, ["review", settled, "--approve", *store], env)
    run_factdesk(factdesk, ["status", record, "in-review", "--note", "Checking the archive.", *store], env)
    revision = work / "revision.txt"
    revision.write_text(REVISION, encoding="utf-8")
    run_factdesk(factdesk, ["article", "update", "budget", str(revision), *store], env)
    claims = [record, proposed, changed, settled, roads]
    print(f"schemathesis_run: desk with articles budget and roads, claims {' '.join(claims)}")
    token = run_factdesk(factdesk, ["editor", "add", EDITOR, *store], env).strip()
    if not token or "\n" in token:
        fail(f"factdesk editor add should print the token alone, printed {token!r}")
    return desk, token, claims


def start_server(factdesk: str, desk: str, env: dict) -> tuple[subprocess.Popen, str, "queue.Queue[str]"]:
    server = subprocess.Popen([factdesk, "serve", "--port", "0", "--store", desk], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, env=env, start_new_session=True)
    lines: "queue.Queue[str]" = queue.Queue()

    def pump() -> None:
        for line in server.stdout:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            if server.poll() is not None:
                fail(f"factdesk serve exited ({server.returncode}) before listening")
            continue
        match = re.search(r"FactDesk web desk on (http://127\.0\.0\.1:\d+)/", line)
        if match:
            return server, match.group(1), lines
    stop_server(server)
    fail("factdesk serve did not say where it listens within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=15)


def still_answering(base: str, token: str) -> bool:
    request = urllib.request.Request(f"{base}/api/v1/report", headers={"Authorization": f"Bearer {token}"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=30) as response:
            return response.status == 200
    except Exception as error:  # noqa: BLE001 - any failure means the server is not answering
        print(f"schemathesis_run: the server does not answer after the run: {error}", file=sys.stderr)
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factdesk", help="the factdesk binary (default: $FACTDESK_BIN, else .build/debug/factdesk)")
    parser.add_argument("--max-examples", type=int, default=40, help="test cases per operation and phase (default 40)")
    parser.add_argument("--seed", type=int, default=20261125, help="schemathesis's random seed (default 20261125)")
    parser.add_argument("--workers", type=int, default=1, help="concurrent schemathesis workers (default 1, reproducible; schemathesis 4.32.5 can fail internally with more)")
    parser.add_argument("--report-dir", help="also write JUnit and HAR reports there")
    options = parser.parse_args()

    if not schemathesis_available():
        fail(f"schemathesis is not installed for {sys.executable}: python3 -m pip install 'schemathesis==4.32.5'")
    factdesk = find_factdesk(options.factdesk)

    env = {key: value for key, value in os.environ.items()
           if key not in ("FACTDESK_STORE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    env["FACTDESK_EDITOR"] = EDITOR
    # The server is on loopback: a proxy configured for the machine must not see these requests.
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["PYTHONUNBUFFERED"] = "1"
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = env["NO_PROXY"]

    work = pathlib.Path(tempfile.mkdtemp(prefix="factdesk-schemathesis-"))
    server = None
    try:
        desk, token, claims = make_desk(factdesk, work, env)
        server, base, server_output = start_server(factdesk, desk, env)
        print(f"schemathesis_run: factdesk serve on {base}")
        config = work / "schemathesis.toml"
        config.write_text(config_text(claims), encoding="utf-8")
        command = [
            sys.executable, "-c", "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())",
            "--config-file", str(config), "--no-color",
            "run", str(DOCUMENT), "--url", base,
            "--header", f"Authorization: Bearer {token}",
            "--checks", "all", "--exclude-checks", "object_level_authorization",
            "--max-examples", str(options.max_examples), "--seed", str(options.seed),
            "--workers", str(options.workers), "--request-timeout", "30", "--max-failures", "50",
            "--generation-database", "none",
            "--suppress-health-check", "filter_too_much,too_slow",
        ]
        if options.report_dir:
            command += ["--report", "junit,har", "--report-dir", os.path.abspath(options.report_dir)]
        print("schemathesis_run: " + " ".join(arg if " " not in arg else repr(arg) for arg in command).replace(token, "TOKEN"))
        started = time.monotonic()
        status = subprocess.run(command, env=env, cwd=str(work)).returncode  # its caches stay in the throwaway folder
        print(f"schemathesis_run: schemathesis exited {status} after {time.monotonic() - started:.0f} s")
        alive = server.poll() is None and still_answering(base, token)
        if not alive:
            print("schemathesis_run: the server died or hung during the run; its output:", file=sys.stderr)
            while not server_output.empty():
                sys.stderr.write(server_output.get())
            return 1
        return status
    finally:
        if server is not None:
            stop_server(server)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
