"""A chromium page for the browser tests of the built site, decks and live pages: offline, as in a room with no
network. Every request that is not file:// or data: is aborted and recorded (``page.left``); script errors
(``page.errors``), console errors (``page.console``) and WebSockets opened (``page.sockets``) are recorded too."""


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
