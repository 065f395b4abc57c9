"""A chromium page for the browser tests of the built site, decks and live pages: offline, as in a room with no
network. Every request that is not file:// or data: is aborted and recorded (``page.left``); script errors
(``page.errors``), console errors (``page.console``) and WebSockets opened (``page.sockets``) are recorded too."""

import re


def offline_page(browser, width=1280, height=720):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.left, page.errors, page.console, page.sockets = [], [], [], []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            page.left.append(r.request.url)
            r.abort()
    page.route("**/*", route)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.console.append(m.text) if m.type == "error" else None)
    page.on("websocket", lambda ws: page.sockets.append(ws.url))
    return page


def words(text):
    """About how many words a description has (a Chinese word: about two characters)."""
    return len(text.split()) + len(re.findall(r"[\u4e00-\u9fff]", text)) / 2


# WCAG 2.1 levels A and AA, as axe-core tags them
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, context="document"):
    """axe-core (pinned in tools/vendor.py) run on the page, or on the element a JavaScript ``context``
    expression names (e.g. a slide): the WCAG 2.1 A/AA violations, one line each with where and why."""
    from tools import vendor
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=vendor.axe_script().read_text())
    found = page.evaluate(f"""async () => (await axe.run({context}, {{runOnly: {{type: 'tag', values: {WCAG_TAGS}}},
        resultTypes: ['violations']}})).violations.flatMap(v => v.nodes.map(n => v.id + ' at ' + n.target.join(' ')
        + ': ' + ((n.any[0] || n.all[0] || n.none[0] || {{}}).message || v.help)))""")
    return found
