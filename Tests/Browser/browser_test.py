#!/usr/bin/env python3
"""The FactDesk web desk in a real browser (headless Chromium driven by Selenium 4).

Makes a throwaway desk with the built `factdesk`, adds an article whose text holds curly quotes,
an em dash, no-break spaces, combining accents, emoji (a ZWJ sequence with a skin tone, a flag),
CJK and Arabic, adds two editors, starts `factdesk serve --port 0`, and then, as an editor would:

  1. signs in with a token on /signin (a wrong token first: refused);
  2. opens the article and checks the text element holds exactly the stored text;
  3. selects a sentence holding a curly quote and emoji with a real mouse drag, files a claim on
     it through the form, and checks with `factdesk show ID --json` that its start and end are the
     code-point offsets of that sentence in the stored NFC text;
  4. verifies it with a source in the claim panel and sees its highlight turn `s-verified`;
  5. opens the history timeline (who, when, what, a commit id that exists in the desk's git);
  6. opens /report and finds the claim settled, with the chart's bar;
  7. does one flow with the keyboard only: Tab to the text, j/k between claims, Shift+arrows to
     select, c to file a claim, Enter to open, 1-6 and the status buttons to set a status,
     Escape to close (focus back on the highlight); and sees an API error shown in the panel;
  8. opens the chooser over a run several claims cover;
  9. under the second-editor policy proposes a verdict, signs out, signs in as the second editor
     and approves it in the panel;
 10. pastes a new revision, sees the re-anchoring summary, re-attaches the claim it lost to a new
     mouse selection; signs out.

Screenshots of each page go to --screenshots; --docs writes the README's article-page PNG
(1280x900). Exits 0 when everything held, 1 on a failed check, 2 when Chromium, its driver or
Selenium is missing (the test must fail, not skip, without them).

Install (Debian): apt-get install -y chromium chromium-driver; pip install selenium
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import unicodedata

EDITOR_A = "Ana Ruiz <ana@example.org>"
EDITOR_B = "Bo Chen <bo@example.org>"
SLUG = "port-night"

# The article as a reporter pasted it: NFD "cafe\u0301" (stored composed), Yoruba "Ọ̀yọ́" whose
# marks stay combining in NFC, a woman technologist with a skin tone (a ZWJ sequence), a flag,
# no-break spaces, an em dash, curly quotes, CJK and Arabic.
RAW_TEXT = (
    "Night shift at the port of Saint\u2011Nazaire \u2014 a report from the quays.\n\n"
    "The harbour master said: \u201cMore than a dozen ships docked on Tuesday night.\u201d "
    "Records show 14 ships in 2019, and 9\u00a0% fewer since.\n\n"
    "The developer \U0001F469\U0001F3FD\u200D\U0001F4BB told us: \u201cOur cafe\u0301 in O\u0323\u0300yo\u0323\u0301 serves "
    "300 people a day \u2014 more than any caf\u00e9 in Lyon \U0001F1EB\U0001F1F7.\u201d Nobody has checked that yet.\n\n"
    "In Tokyo, \u6771\u4eac\u6e2f handled 4,000 containers a week; in Alexandria, "
    "\u0645\u064a\u0646\u0627\u0621 \u0627\u0644\u0625\u0633\u0643\u0646\u062f\u0631\u064a\u0629 reported 2,500 tonnes.\n\n"
    "The minister\u2019s office says prices rose by 10\u00a0% over the year."
)
TEXT = unicodedata.normalize("NFC", RAW_TEXT)
# The sentence the mouse selects: a curly quote, emoji, an em dash, combining accents, a flag.
SENTENCE = unicodedata.normalize(
    "NFC",
    "The developer \U0001F469\U0001F3FD\u200D\U0001F4BB told us: \u201cOur cafe\u0301 in O\u0323\u0300yo\u0323\u0301 serves "
    "300 people a day \u2014 more than any caf\u00e9 in Lyon \U0001F1EB\U0001F1F7.\u201d",
)
KEYBOARD_QUOTE = "More than a dozen ships"


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def step(message):
    print("--", message, flush=True)


def code_points(text, sub, occurrence=1):
    """Start and end of `sub` in `text` in Unicode scalar values (Python's str unit)."""
    index = -1
    for _ in range(occurrence):
        index = text.index(sub, index + 1)
    return len(text[:index]), len(text[:index]) + len(sub)


def utf16_index(text, code_point_index):
    return len(text[:code_point_index].encode("utf-16-le")) // 2


class Desk:
    """A temporary desk driven through the `factdesk` binary."""

    def __init__(self, binary, folder):
        self.binary = binary
        self.folder = folder
        self.env = {k: v for k, v in os.environ.items() if k not in ("FACTDESK_STORE", "FACTDESK_EDITOR", "GIT_DIR")}
        self.env["FACTDESK_EDITOR"] = EDITOR_A

    def run(self, *arguments, stdin=None, editor=None):
        env = dict(self.env)
        if editor:
            env["FACTDESK_EDITOR"] = editor
        result = subprocess.run([self.binary, *arguments, "--store", "desk"], cwd=self.folder, env=env,
                                input=stdin, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise CheckFailed("factdesk %s failed (%d): %s" % (" ".join(arguments), result.returncode, result.stderr.strip()))
        return result.stdout

    def show(self, claim_id):
        return json.loads(self.run("show", claim_id, "--json"))

    def git(self, *arguments):
        return subprocess.run(["git", *arguments], cwd=os.path.join(self.folder, "desk"), capture_output=True, text=True, timeout=30)


class Server:
    """`factdesk serve --port 0` on loopback; the URL parsed from what it prints."""

    def __init__(self, desk):
        self.process = subprocess.Popen([desk.binary, "serve", "--store", "desk", "--port", "0"], cwd=desk.folder, env=desk.env,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = []
        found = threading.Event()
        self.url = None

        def read():
            for line in self.process.stdout:
                self.lines.append(line)
                match = re.search(r"FactDesk web desk on (http://127\.0\.0\.1:\d+/)", line)
                if match and not self.url:
                    self.url = match.group(1)
                    found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(30):
            self.stop()
            raise CheckFailed("factdesk serve printed no URL: %r %s" % (self.lines, self.process.stderr.read() if self.process.poll() is not None else ""))

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def find_browser():
    chromium = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/lib/chromium/chromium")
                     if p and os.path.exists(p)), None)
    driver = next((p for p in (shutil.which("chromedriver"), "/usr/lib/chromium/chromedriver", "/usr/bin/chromedriver")
                   if p and os.path.exists(p)), None)
    return chromium, driver


def start_browser(profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    chromium, driver = find_browser()
    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--force-device-scale-factor=1", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--disable-default-apps", "--disable-client-side-phishing-detection",
                     "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                     "--password-store=basic", "--lang=en-US", "--user-data-dir=" + profile):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    os.makedirs(profile, exist_ok=True)
    service = Service(executable_path=driver, log_output=os.path.join(os.path.dirname(profile), "chromedriver.log"))
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(30)
    # The viewport exactly 1280x900, whatever the window's frame takes.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    return browser


class Session:
    """The browser, with the waits and looks the flows share."""

    def __init__(self, browser, base, screenshots):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
        # A page that reloads under a condition (after a change) leaves stale elements for a moment.
        self.transient = (NoSuchElementException, StaleElementReferenceException)

        self.b = browser
        self.base = base.rstrip("/")
        self.shots = screenshots
        self.By = By
        self.Wait = WebDriverWait

    def get(self, path):
        self.b.get(self.base + path)

    def find(self, css):
        return self.b.find_element(self.By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.b.find_elements(self.By.CSS_SELECTOR, css)

    def js(self, script, *args):
        return self.b.execute_script(script, *args)

    def wait(self, condition, message, timeout=15):
        try:
            return self.Wait(self.b, timeout, poll_frequency=0.1, ignored_exceptions=self.transient).until(lambda _: condition())
        except Exception as error:  # a timeout, or the condition kept raising
            raise CheckFailed("timed out waiting for %s (%s: %s)" % (message, type(error).__name__, str(error).strip()[:300])) from None

    def visible(self, css):
        elements = self.finds(css)
        return elements[0] if elements and elements[0].is_displayed() else None

    def shot(self, name):
        path = os.path.join(self.shots, name + ".png")
        self.b.save_screenshot(path)
        step("screenshot " + path)
        return path

    def active(self):
        return self.js("const a = document.activeElement; return a ? {tag: a.tagName.toLowerCase(), id: a.id, "
                       "claims: a.getAttribute('data-claims'), status: a.getAttribute('data-status'), "
                       "key: a.getAttribute('data-key'), name: a.getAttribute('name'), cls: a.className} : null;")

    def keys(self, *keys):
        from selenium.webdriver.common.action_chains import ActionChains
        ActionChains(self.b).send_keys(*keys).perform()

    def shift_keys(self, keys):
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        ActionChains(self.b).key_down(Keys.SHIFT).send_keys(keys).key_up(Keys.SHIFT).perform()

    def errors(self):
        """Severe console messages: script errors and CSP violations (not the HTTP errors the flows provoke)."""
        try:
            return [entry for entry in self.b.get_log("browser") if entry.get("level") == "SEVERE"
                    and entry.get("source") != "network"]
        except Exception:
            return []

    def mark_classes(self, claim_id):
        return self.js("return Array.from(document.querySelectorAll('#article-text mark.hl'))"
                       ".filter(m => m.getAttribute('data-claims').split(' ').includes(arguments[0])).map(m => m.className);", claim_id)

    def innermost_class(self, claim_id):
        """The class of the first run whose innermost claim is `claim_id`."""
        return self.js("const m = Array.from(document.querySelectorAll('#article-text mark.hl'))"
                       ".find(m => m.getAttribute('data-claims').split(' ')[0] === arguments[0]); return m ? m.className : null;", claim_id)

    def sign_in(self, token, name):
        self.get("/signin")
        self.find("#token").send_keys(token)
        self.find(".signin-form button[type=submit]").click()
        self.wait(lambda: self.b.current_url.rstrip("/") == self.base and self.visible(".top .who"), "the desk after signing in as " + name)
        check(name in self.find(".top .who").text, "signed in as %s, the bar says %r" % (name, self.find(".top .who").text))

    def sign_out(self):
        self.find(".top form.inline button[type=submit]").click()
        self.wait(lambda: self.b.current_url.endswith("/signin") and self.visible("#token"), "the sign-in page after signing out")


def drag_select(s, text, start_cp, end_cp):
    """Selects [start_cp, end_cp) of the text with a real mouse drag: pressed on the left edge of
    the first character, released on the right edge of the last."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    first_u16 = utf16_index(text, start_cp)
    last_u16 = utf16_index(text, end_cp - 1)
    last_len = utf16_index(text, end_cp) - last_u16
    s.js("""const root = document.getElementById('article-text');
            const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); let pos = 0, n;
            while ((n = w.nextNode())) { if (arguments[0] < pos + n.length) { const r = document.createRange();
              r.setStart(n, arguments[0] - pos); r.setEnd(n, arguments[0] - pos + 1); r.startContainer.parentElement.scrollIntoView({block: 'center'}); return; }
              pos += n.length; }""", first_u16)
    time.sleep(0.2)
    rects = s.js("""const root = document.getElementById('article-text');
        function rect(at, len) { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); let pos = 0, n;
          while ((n = w.nextNode())) { if (at < pos + n.length) { const r = document.createRange();
            r.setStart(n, at - pos); r.setEnd(n, at - pos + len); const b = r.getClientRects()[0];
            return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; } pos += n.length; } return null; }
        return [rect(arguments[0], 1), rect(arguments[1], arguments[2])];""", first_u16, last_u16, last_len)
    first, last = rects
    check(first and last, "could not place the sentence on screen")
    x0, y0 = first["left"] + 1.5, (first["top"] + first["bottom"]) / 2
    x1, y1 = last["right"] - 1, (last["top"] + last["bottom"]) / 2
    actions = ActionBuilder(s.b)
    actions.pointer_action.move_to_location(int(round(x0)), int(round(y0)))
    actions.pointer_action.click_and_hold()
    for fraction in (0.25, 0.5, 0.75):
        actions.pointer_action.move_to_location(int(round(x0 + (x1 - x0) * fraction)), int(round(y0 + (y1 - y0) * fraction)))
    actions.pointer_action.move_to_location(int(round(x1)), int(round(y1)))
    actions.pointer_action.release()
    actions.perform()


def run(args, work):
    desk = Desk(args.factdesk, work)
    step("making a desk in " + work)
    desk.run("init")
    desk.run("article", "add", "-", "--id", SLUG, "--title", "Night shift at the port", "--url", "https://example.org/news/port-night",
             stdin=RAW_TEXT)
    c1 = desk.run("annotate", SLUG, "--quote", "More than a dozen ships docked on Tuesday night.",
                  "--claim", "More than a dozen ships docked on Tuesday night").strip()
    c2 = desk.run("annotate", SLUG, "--quote", "a dozen ships", "--claim", "A dozen ships (not 14)").strip()
    desk.run("status", c2, "in-review")
    c3 = desk.run("annotate", SLUG, "--quote", "docked on Tuesday night.\u201d Records show 14 ships in 2019",
                  "--claim", "The 2019 records show 14 ships").strip()
    desk.run("status", c3, "misleading", "--note", "The 2019 count covers a different quay.")
    c4 = desk.run("annotate", SLUG, "--quote", "\u6771\u4eac\u6e2f handled 4,000 containers a week",
                  "--claim", "Tokyo port handled 4,000 containers a week").strip()
    c5 = desk.run("annotate", SLUG, "--quote", "prices rose by 10\u00a0% over the year", "--claim", "Prices rose 10 % in a year",
                  "--assignee", EDITOR_A, "--due", "2024-01-15").strip()
    c6 = desk.run("annotate", SLUG, "--quote", "Night shift at the port of Saint\u2011Nazaire", "--claim", "The night shift exists").strip()
    desk.run("verify", c6, "--source", "https://example.org/port-authority/shifts")
    token_a = desk.run("editor", "add", EDITOR_A).strip()
    token_b = desk.run("editor", "add", EDITOR_B).strip()
    check(re.fullmatch(r"\S{16,}", token_a) and re.fullmatch(r"\S{16,}", token_b), "editor add printed %r and %r" % (token_a, token_b))
    stored = desk.run("article", "show", SLUG, "--json")
    stored_text = json.loads(stored).get("text", TEXT) if stored.strip().startswith("{") else TEXT
    check(stored_text == TEXT, "the stored text is not the NFC text")
    expected_start, expected_end = code_points(TEXT, SENTENCE)
    check(expected_end - expected_start != len(SENTENCE.encode("utf-16-le")) // 2, "the sentence must count differently in UTF-16")

    server = Server(desk)
    browser = None
    try:
        step("server at " + server.url)
        browser = start_browser(os.path.join(work, "profile"))
        s = Session(browser, server.url, args.screenshots)
        flows(s, desk, token_a, token_b, (c1, c2, c3, c4, c5, c6), expected_start, expected_end, args)
        suggestion_flow(s, desk, token_a)
        conflict_flow(s, desk, token_a, c1, work)
        problems = s.errors()
        check(not problems, "the browser console reported errors: %s" % problems)
    finally:
        if browser is not None:
            try:
                browser.quit()
            except Exception:
                pass
        server.stop()


def flows(s, desk, token_a, token_b, ids, expected_start, expected_end, args):
    c1, c2, c3, c4, c5, c6 = ids

    # 1. Signing in: a page needs an editor; a wrong token is refused; the right one lands on the desk.
    step("sign in")
    s.get("/articles/" + SLUG)
    s.wait(lambda: s.b.current_url.endswith("/signin"), "the redirect to /signin")
    s.find("#token").send_keys("not-a-token")
    s.find(".signin-form button[type=submit]").click()
    s.wait(lambda: s.visible("p.error[role=alert]"), "the refusal of a wrong token")
    s.shot("01-signin-refused")
    s.sign_in(token_a, "Ana Ruiz")
    check(SLUG in s.find("table.articles").text, "the desk lists the article")
    s.shot("02-desk")

    # 2. The article: the text element is exactly the stored text; every claim highlighted.
    step("open the article")
    s.get("/articles/" + SLUG)
    s.wait(lambda: s.visible("#article-text"), "the article text")
    shown = s.js("return document.getElementById('article-text').textContent;")
    check(shown == TEXT, "the text element differs from the stored text: %r" % shown[:200])
    for claim_id in ids:
        check(s.mark_classes(claim_id), "claim %s has no highlight" % claim_id)
    check(any("nested" in c for c in s.mark_classes(c2)), "the nested claim's run is not marked nested")
    hint = s.find("#text-hint").text
    for key in ("j", "k", "Enter", "c"):
        check(key in hint, "the hint does not name the key %s: %r" % (key, hint))
    s.shot("03-article")

    # 3. A real mouse drag over the sentence, then the form.
    step("select the sentence with the mouse")
    drag_select(s, TEXT, expected_start, expected_end)
    s.wait(lambda: s.find("#file-claim").is_enabled(), "the file-a-claim button to enable after the selection")
    selected = s.js("return window.getSelection().toString();")
    check(selected == SENTENCE, "the drag selected %r, not the sentence" % selected)
    s.shot("04-selection")
    s.find("#file-claim").click()
    s.wait(lambda: s.visible("#new-claim"), "the new-claim form")
    quote = s.js("return document.getElementById('new-claim-quote').textContent;")
    check(quote == SENTENCE, "the form quotes %r" % quote)
    check(s.find("#new-claim input[name=start]").get_attribute("value") == str(expected_start)
          and s.find("#new-claim input[name=end]").get_attribute("value") == str(expected_end),
          "the form's offsets are %s-%s, expected %d-%d" % (s.find("#new-claim input[name=start]").get_attribute("value"),
                                                             s.find("#new-claim input[name=end]").get_attribute("value"), expected_start, expected_end))
    form = s.find("#new-claim")
    form.find_element(s.By.NAME, "claim").send_keys("The caf\u00e9 in O\u0323\u0300yo\u0323\u0301 serves 300 people a day")
    form.find_element(s.By.NAME, "sources").send_keys("https://example.org/cafe-register")
    form.find_element(s.By.NAME, "note").send_keys("Ask for the till receipts.")
    form.find_element(s.By.NAME, "assignee").send_keys(EDITOR_B)
    form.find_element(s.By.NAME, "due").send_keys("2030-06-30")
    form.find_element(s.By.NAME, "claimant").send_keys("The developer")
    s.shot("05-new-claim-form")
    form.find_element(s.By.CSS_SELECTOR, "button[type=submit]").click()
    s.wait(lambda: "#claim-" in s.b.current_url and s.visible("#claim-panel #panel-title"), "the new claim's panel after filing")
    new_id = s.find("#panel-title code").text
    check(re.fullmatch(r"[A-Za-z0-9-]+", new_id or ""), "no claim id in the panel: %r" % new_id)
    step("filed " + new_id)

    # The stored offsets are the code-point offsets of the sentence.
    shown_claim = desk.show(new_id)
    check((shown_claim["start"], shown_claim["end"]) == (expected_start, expected_end),
          "stored %s-%s, expected code points %d-%d" % (shown_claim["start"], shown_claim["end"], expected_start, expected_end))
    check(shown_claim["quote"] == SENTENCE, "stored quote %r" % shown_claim["quote"])
    check(shown_claim["claimant"] == "The developer", "claimant %r" % shown_claim.get("claimant"))
    check(shown_claim["assignee"] == EDITOR_B, "assignee %r" % shown_claim.get("assignee"))
    check(shown_claim["due"] == "2030-06-30", "due %r" % shown_claim.get("due"))
    check([src["url"] for src in shown_claim["sources"]] == ["https://example.org/cafe-register"], "sources %r" % shown_claim["sources"])
    check(shown_claim["status"] == "unverified", "status %r" % shown_claim["status"])
    before = s.innermost_class(new_id)
    check(before and "s-unverified" in before, "the new highlight is %r" % before)

    # 4. Verify with a source in the panel: the highlight turns verified.
    step("verify with a source")
    panel = s.find("#claim-panel")
    panel.find_element(s.By.CSS_SELECTOR, ".verify-form input[name=url]").send_keys("https://example.org/register-2019")
    panel.find_element(s.By.CSS_SELECTOR, ".verify-form input[name=note]").send_keys("Checked against the 2019 register.")
    panel.find_element(s.By.CSS_SELECTOR, ".verify-form button[type=submit]").click()
    s.wait(lambda: all("s-verified" in c for c in [s.innermost_class(new_id)]), "the highlight to turn s-verified")
    check("s-verified" in s.find('#claim-list .claim-item[data-claim="%s"]' % new_id).get_attribute("class"), "the list item is not verified")
    check(s.find("#claim-panel .status-button.s-verified").get_attribute("aria-pressed") == "true", "the verified button is not pressed")
    after = desk.show(new_id)
    check(after["status"] == "verified", "the CLI says %s" % after["status"])
    check("https://example.org/register-2019" in [src["url"] for src in after["sources"]], "the source is not stored")

    # 5. The history timeline.
    step("history")
    s.find('#claim-panel details[data-section="history"] > summary').click()
    s.wait(lambda: len(s.finds("#claim-panel .timeline li.entry")) >= 2, "two history entries")
    entries = s.js("""return Array.from(document.querySelectorAll('#claim-panel .timeline li.entry')).map(li => ({
        who: li.querySelector('.who').textContent, when: li.querySelector('time').getAttribute('datetime'),
        what: li.querySelector('.what').textContent, commit: li.querySelector('.commit code').getAttribute('title')}));""")
    for entry in entries:
        check(entry["who"] and entry["when"] and entry["what"], "an incomplete history entry: %r" % entry)
        check(re.fullmatch(r"[0-9a-f]{40}", entry["commit"] or ""), "history commit %r" % entry["commit"])
        resolved = desk.git("cat-file", "-t", entry["commit"])
        check(resolved.returncode == 0 and resolved.stdout.strip() == "commit", "commit %s is not in the desk" % entry["commit"])
    check(any("verif" in e["what"] for e in entries), "no verification in the history: %r" % entries)
    check(entries[0]["who"] == "Ana Ruiz", "the newest entry is by %r" % entries[0]["who"])
    s.js("document.querySelector('#claim-panel details[data-section=history]').scrollIntoView({block: 'start'});")
    s.shot("06-panel-history")
    s.find('#claim-panel details[data-section="history"] > summary').click()
    s.js("window.scrollTo(0, 0); document.querySelector('.side').scrollTop = 0;")
    time.sleep(0.2)
    path = s.shot("07-article-panel")
    if args.docs:
        os.makedirs(os.path.dirname(os.path.abspath(args.docs)), exist_ok=True)
        s.b.save_screenshot(args.docs)
        step("wrote " + args.docs)

    # 6. The report: the claim settled; the chart's verified bar.
    step("report")
    s.get("/report")
    s.wait(lambda: s.visible(".report"), "the report")
    settled = s.finds('.report div.claim.settled[id="%s"]' % new_id)
    check(settled, "the report does not list %s as settled" % new_id)
    width = s.js("const r = document.querySelector('svg rect.bar.s-verified'); return r ? Number(r.getAttribute('width')) : -1;")
    check(width and width > 0, "the chart's verified bar has width %r" % width)
    s.shot("08-report")

    # 7. The keyboard only.
    step("keyboard only")
    from selenium.webdriver.common.keys import Keys
    s.get("/articles/" + SLUG)
    s.wait(lambda: s.visible("#article-text"), "the article text")
    for _ in range(40):
        s.keys(Keys.TAB)
        if (s.active() or {}).get("id") == "article-text":
            break
    check((s.active() or {}).get("id") == "article-text", "Tab never reached the text: %r" % s.active())
    s.wait(lambda: s.visible(".kbd-caret"), "the keyboard caret in the text")
    # Claims in the order of the text: c6 (the first words), c1, c2 (inside c1), c3, ...
    s.keys("j")
    s.wait(lambda: ((s.active() or {}).get("claims") or "").split()[:1] == [c6], "j to focus the first claim")
    s.keys("j")
    s.wait(lambda: c1 in ((s.active() or {}).get("claims") or "").split(), "j to focus the second claim")
    s.keys("j")
    s.wait(lambda: ((s.active() or {}).get("claims") or "").split()[:1] == [c2], "j to focus the third claim")
    s.keys("k")
    s.wait(lambda: c1 in ((s.active() or {}).get("claims") or "").split(), "k back to the second claim")
    s.wait(lambda: "Claim 2 of" in s.js("return document.getElementById('desk-live').textContent;"), "j/k to announce the claim")
    # Select from the start of the focused claim with Shift+arrows, then c.
    s.shift_keys(Keys.ARROW_RIGHT * len(KEYBOARD_QUOTE))
    s.wait(lambda: s.js("return window.getSelection().toString();") == KEYBOARD_QUOTE,
           "Shift+arrows to select %r (got %r)" % (KEYBOARD_QUOTE, s.js("return window.getSelection().toString();")))
    s.shot("09-keyboard-selection")
    s.keys("c")
    s.wait(lambda: s.visible("#new-claim") and (s.active() or {}).get("name") == "claim", "c to open the form with focus on the claim")
    s.keys("More than a dozen ships, says the harbour master")
    s.keys(Keys.ENTER)
    s.wait(lambda: "#claim-" in s.b.current_url and s.visible("#claim-panel #panel-title"), "the keyboard claim's panel")
    kb_id = s.find("#panel-title code").text
    kb_claim = desk.show(kb_id)
    want = code_points(TEXT, KEYBOARD_QUOTE)
    check((kb_claim["start"], kb_claim["end"]) == want, "the keyboard claim is at %s-%s, expected %s" % (kb_claim["start"], kb_claim["end"], want))
    check((s.active() or {}).get("id") == "panel-title", "focus is not in the panel: %r" % s.active())
    s.keys("2")
    s.wait(lambda: "s-in-review" in (s.innermost_class(kb_id) or ""), "key 2 to set in-review")
    check(desk.show(kb_id)["status"] == "in-review", "the CLI does not see in-review")
    # The same key again: the desk refuses, and the panel shows its error.
    s.keys("2")
    s.wait(lambda: s.visible("#claim-panel p.error[role=alert]"), "the API's refusal shown in the panel")
    check("already" in s.find("#claim-panel p.error").text, "the error says %r" % s.find("#claim-panel p.error").text)
    s.shot("10-keyboard-panel-error")
    for _ in range(25):
        if (s.active() or {}).get("status") == "misleading":
            break
        s.keys(Keys.TAB)
    check((s.active() or {}).get("status") == "misleading", "Tab never reached the misleading button: %r" % s.active())
    s.keys(Keys.ENTER)
    s.wait(lambda: "s-misleading" in (s.innermost_class(kb_id) or ""), "the misleading button to set the status")
    s.wait(lambda: (s.active() or {}).get("status") == "misleading", "focus to stay on the status button")
    check(desk.show(kb_id)["status"] == "misleading", "the CLI does not see misleading")
    s.shot("11-keyboard-status")
    s.keys(Keys.ESCAPE)
    s.wait(lambda: not s.visible("#claim-panel"), "Escape to close the panel")
    s.wait(lambda: kb_id in ((s.active() or {}).get("claims") or "").split(), "focus back on the claim's highlight")
    s.keys(Keys.ENTER)
    s.wait(lambda: s.visible("#claim-panel #panel-title") and s.find("#panel-title code").text == kb_id, "Enter to open the claim again")
    s.keys(Keys.ESCAPE)
    s.wait(lambda: not s.visible("#claim-panel"), "Escape to close it again")

    # 8. A run several claims cover: the chooser.
    step("chooser")
    mark = s.js("return Array.from(document.querySelectorAll('#article-text mark.hl')).find(m => m.getAttribute('data-depth') === '3');")
    check(mark is not None, "no run covered by three claims")
    mark.click()
    s.wait(lambda: s.visible(".chooser"), "the chooser")
    check(len(s.finds(".chooser button[data-claim]")) == 3, "the chooser does not list three claims")
    s.shot("12-chooser")
    s.keys(Keys.ESCAPE)
    s.wait(lambda: not s.finds(".chooser"), "Escape to close the chooser")

    # 9. Under the second-editor policy: Ana proposes, Bo approves.
    step("review by a second editor")
    desk.run("policy", "set", "second-review", "on")
    s.get("/articles/" + SLUG)
    s.wait(lambda: s.visible("#article-text"), "the article")
    s.find('#claim-list .claim-item[data-claim="%s"]' % c4).click()
    s.wait(lambda: s.visible("#claim-panel #panel-title"), "c4's panel")
    s.find("#claim-panel .status-button.s-false").click()
    s.wait(lambda: desk.show(c4)["awaitingReview"], "the proposal of false")
    s.wait(lambda: s.visible("#claim-panel .review-box"), "the review box after the proposal")
    s.sign_out()
    s.shot("13-signed-out")
    s.get("/articles/" + SLUG)
    s.wait(lambda: s.b.current_url.endswith("/signin"), "pages need a signed-in editor after signing out")
    s.sign_in(token_b, "Bo Chen")
    s.get("/articles/%s#claim-%s" % (SLUG, c4))
    s.wait(lambda: s.visible("#claim-panel .review-box button[value=approve]"), "the review box for the second editor")
    s.shot("14-review")
    s.find("#claim-panel .review-box button[value=approve]").click()
    s.wait(lambda: "s-false" in (s.innermost_class(c4) or ""), "the approved verdict to colour the highlight false")
    approved = desk.show(c4)
    check(approved["status"] == "false" and not approved["awaitingReview"], "after approval: %r" % {k: approved[k] for k in ("status", "awaitingReview")})
    s.shot("15-approved")

    # 10. A new revision pasted in the page: the re-anchoring summary; then the lost claim
    # re-attached to a new mouse selection.
    step("post a revision")
    last_paragraph = TEXT.split("\n\n")[-1]
    new_text = TEXT.replace("Tuesday night", "Wednesday night").replace(
        last_paragraph, "Prices went up, the minister\u2019s office told us on Friday.")
    s.get("/articles/" + SLUG)
    s.wait(lambda: s.visible("#article-text"), "the article")
    s.find("details.revision > summary").click()
    s.js("document.querySelector('#revision-form textarea[name=text]').value = arguments[0];", new_text)
    s.find("#revision-form button[type=submit]").click()
    s.wait(lambda: s.visible("#reanchoring-summary"), "the re-anchoring summary")
    summary = s.find("#reanchoring-summary").text
    counts = re.search(r"(\d+) exact, (\d+) moved, (\d+) changed, (\d+) orphaned", summary)
    check(counts and sum(int(n) for n in counts.groups()) == 8, "the summary says %r" % summary)
    check(s.find("#article").get_attribute("data-revision") == "2", "the page is not at revision 2")
    check(s.js("return document.getElementById('article-text').textContent;") == new_text, "the page does not show the new text")
    lost = desk.show(c5)
    check(lost["anchorIssue"] in ("orphaned", "changed"), "c5 after the revision: %r" % lost["anchorIssue"])
    s.shot("16-revision-summary")
    s.find('#flagged .open-claim[data-claim="%s"]' % c5).click()
    s.wait(lambda: s.visible("#claim-panel #panel-title") and s.find("#panel-title code").text == c5, "the lost claim's panel")
    check(s.find('#claim-panel details[data-section="reattach"]').get_attribute("open") is not None, "re-attach is not offered first")
    new_place = code_points(new_text, "Prices went up")
    drag_select(s, new_text, *new_place)
    s.wait(lambda: s.find('#claim-panel [data-action="reanchor"]').is_enabled(), "the re-attach button to enable")
    check("Prices went up" in s.find("#claim-panel .reattach-preview").text, "the preview says %r" % s.find("#claim-panel .reattach-preview").text)
    s.shot("17-reattach")
    s.find('#claim-panel [data-action="reanchor"]').click()
    s.wait(lambda: s.visible("#claim-panel #panel-title") and s.mark_classes(c5), "the re-attached claim's highlight")
    moved = desk.show(c5)
    check(moved["anchorIssue"] is None and (moved["start"], moved["end"]) == new_place,
          "c5 re-attached at %s-%s (%s), expected %s" % (moved["start"], moved["end"], moved["anchorIssue"], new_place))
    s.shot("18-reattached")
    s.sign_out()
    s.shot("19-signed-out-again")


def suggestion_flow(s, desk, token_a):
    """Where to look first: the page underlines and lists the ranking `factdesk suggest` prints,
    and one click files the first suggestion as an unverified claim on its exact span."""
    step("suggestions on the article page")
    s.sign_in(token_a, "Ana Ruiz")
    s.get("/articles/" + SLUG)
    s.wait(lambda: s.finds("#suggestion-list li[data-start]"), "the suggestion list")
    expected = json.loads(desk.run("suggest", SLUG, "--json", "--open", "--top", "10"))["suggestions"]
    items = s.finds("#suggestion-list li[data-start]")
    shown = [(int(i.get_attribute("data-start")), int(i.get_attribute("data-end"))) for i in items]
    check(shown == [(e["start"], e["end"]) for e in expected], "the page lists %s, suggest --open prints %s" % (shown, expected))
    sentences = s.js("return [...document.querySelectorAll('#suggestion-list .suggestion-sentence')].map((b) => b.textContent);")
    check(sentences == [e["sentence"] for e in expected], "the listed sentences differ from suggest's: %r" % sentences)
    underlined = s.js("return CSS.highlights.has('suggest-strong') ? [...CSS.highlights.get('suggest-strong')].map((r) => r.toString()) : [];")
    check(underlined == [e["sentence"] for e in expected[:3]], "the strong underline covers %r" % underlined)
    s.shot("20-suggestions")
    first = expected[0]
    items[0].find_element(s.By.CSS_SELECTOR, ".file-suggestion").click()
    s.wait(lambda: "#claim-" in s.b.current_url and s.visible("#claim-panel #panel-title"), "the filed suggestion's panel")
    filed = desk.show(s.find("#panel-title code").text)
    check((filed["start"], filed["end"], filed["quote"], filed["status"]) == (first["start"], first["end"], first["sentence"], "unverified"),
          "the suggestion was filed as %r" % {k: filed[k] for k in ("start", "end", "quote", "status")})
    s.wait(lambda: s.finds("#suggestion-list li"), "the suggestion list after filing")
    starts = [int(i.get_attribute("data-start")) for i in s.finds("#suggestion-list li[data-start]")]
    check(first["start"] not in starts, "the filed sentence is still suggested")
    s.shot("21-suggestion-filed")
    s.sign_out()


def conflict_flow(s, desk, token_a, claim_id, work):
    """Sync with a second desk that changed the same claim: the panel shows the merge conflict,
    and one click takes the value sync set aside."""
    step("a merge conflict from sync")
    hub = os.path.join(work, "hub.git")
    subprocess.run(["git", "init", "-q", "--bare", "--initial-branch=main", hub], check=True, timeout=30)
    desk.run("policy", "set", "second-review", "off")
    desk.run("remote", "add", "origin", hub)
    desk.run("sync")
    other = os.path.join(work, "other")
    subprocess.run(["git", "clone", "-q", hub, other], check=True, timeout=30)
    env = dict(desk.env, FACTDESK_EDITOR=EDITOR_B)
    for arguments in (["status", claim_id, "false"], ["status", claim_id, "misleading"], ["sync"]):
        subprocess.run([desk.binary, *arguments, "--store", other], env=env, check=True, capture_output=True, timeout=60)
    desk.run("status", claim_id, "in-review")
    desk.run("sync")
    merged = desk.show(claim_id)
    check(merged["status"] == "misleading" and merged["needsReview"], "after sync: %r" % {k: merged[k] for k in ("status", "needsReview")})
    s.sign_in(token_a, "Ana Ruiz")
    s.get("/articles/%s#claim-%s" % (SLUG, claim_id))
    s.wait(lambda: s.visible("#claim-panel .conflict-box"), "the merge conflict on the claim panel")
    box = s.find("#claim-panel .conflict-box").text
    check("in-review" in box and "misleading" in box, "the conflict box says %r" % box)
    check(s.finds('#claim-list .claim-item[data-claim="%s"] .flag.conflict' % claim_id), "the claim list does not flag the conflict")
    s.shot("22-merge-conflict")
    s.find("#claim-panel .conflict-box button[value=take]").click()
    s.wait(lambda: desk.show(claim_id)["status"] == "in-review", "the set-aside status to be taken")
    s.wait(lambda: not s.finds("#claim-panel .conflict-box"), "the conflict box to go once settled")
    check(not desk.show(claim_id)["needsReview"], "the claim still needs review")
    s.shot("23-conflict-settled")
    s.sign_out()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factdesk", required=True, help="the built factdesk binary")
    parser.add_argument("--screenshots", required=True, help="folder for the screenshots")
    parser.add_argument("--docs", help="where to write the README's screenshot of the article page")
    parser.add_argument("--keep", action="store_true", help="keep the temporary desk")
    args = parser.parse_args()
    args.factdesk = os.path.abspath(args.factdesk)
    args.screenshots = os.path.abspath(args.screenshots)
    if args.docs:
        args.docs = os.path.abspath(args.docs)

    try:
        import selenium  # noqa: F401
    except ImportError:
        print("browser test: Selenium is missing (pip install selenium)", file=sys.stderr)
        return 2
    chromium, driver = find_browser()
    if not chromium or not driver:
        print("browser test: Chromium or its driver is missing (apt-get install -y chromium chromium-driver)", file=sys.stderr)
        return 2
    if not os.access(args.factdesk, os.X_OK):
        print("browser test: no factdesk binary at %s" % args.factdesk, file=sys.stderr)
        return 2

    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
    os.environ["SE_OFFLINE"] = "true"
    os.makedirs(args.screenshots, exist_ok=True)

    def too_slow(*_):
        raise CheckFailed("the browser test took more than 8 minutes")

    signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(480)
    work = tempfile.mkdtemp(prefix="factdesk-browser-")
    started = time.monotonic()
    try:
        run(args, work)
    except CheckFailed as failure:
        print("browser test FAILED: %s" % failure, file=sys.stderr)
        print("(desk and logs kept in %s)" % work, file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        print("(desk and logs kept in %s)" % work, file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)
    print("browser test passed in %.1f s; screenshots in %s" % (time.monotonic() - started, args.screenshots))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
