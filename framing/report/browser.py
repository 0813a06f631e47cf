"""Open report pages in headless Chromium and fail on console errors or network requests.

Uses the Chrome DevTools Protocol over a local websocket (``websocket-client``),
so no browser download is needed: it drives the machine's Chromium
(``apt-get install chromium`` on Debian). For each page, laid out at a fixed viewport
width (:data:`VIEWPORT_WIDTH`), it records every request whose URL is not ``file:`` or
``data:``, every console error and uncaught exception, the layout measures a reader
notices (does the page scroll sideways; how tall is each figure as drawn), and saves PNG
screenshots of the whole page (in tiles, for long pages).

``python -m framing.report.browser reports/`` checks every ``*.html`` there (also under
``articles/``); exit status 1 when any page fetched something, logged an error, scrolls
sideways or shows a figure taller than the figure style allows (:func:`layout_problems`).
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-quic", "--disable-component-update", "--disable-sync", "--disable-default-apps",
         "--disable-extensions", "--hide-scrollbars", "--window-size=1280,900"]


#: The width pages are laid out at: a common laptop window, the narrowest a reader of a
#: report with wide tables is likely to use without zooming out.
VIEWPORT_WIDTH = 1280
VIEWPORT_HEIGHT = 900
#: A long page is screenshotted in tiles of this height: Chromium cannot capture one bitmap much
#: taller than 16,384 px. ``page.png`` is the first tile, ``page-2.png`` the next, and so on.
SCREENSHOT_MAX_HEIGHT = 16000
#: Tiles per page at most (96,000 px): enough for a 200-article report's longest page.
SCREENSHOT_MAX_TILES = 6

# Run in the page after it loads: the document's scroll and client widths, each image's size as
# drawn and as stored, and the elements that stick out past the right edge of the viewport (the
# innermost few, named by tag, class and a bit of text, so a failing test says what overflows).
_MEASURE = r"""(() => {
  const de = document.documentElement, vw = de.clientWidth;
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  const wide = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > vw + 1)) {
      let clipped = false;
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const st = getComputedStyle(a);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(st.overflowX) && a.getBoundingClientRect().right <= vw + 1) {
          clipped = true; break;
        }
      }
      const text = (e.textContent || '').trim().slice(0, 40);
      if (!clipped) wide.push(name(e) + ' right=' + Math.round(r.right) + ' "' + text + '"');
      if (wide.length >= 5) break;
    }
  }
  const imgs = [...document.images].map(i => ({alt: (i.alt || '').slice(0, 80),
      width: Math.round(i.getBoundingClientRect().width), height: Math.round(i.getBoundingClientRect().height),
      natural_width: i.naturalWidth, natural_height: i.naturalHeight}));
  return JSON.stringify({scroll_width: de.scrollWidth, client_width: vw, scroll_height: de.scrollHeight,
                         images: imgs, overflowing: wide});
})()"""


def find_chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # localhost, never via a proxy


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Session:
    def __init__(self, ws_url: str):
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def drain(self, idle: float = 0.5, limit: float = 15.0) -> None:
        """Read events until the page has loaded and nothing arrived for ``idle`` seconds."""
        end = time.time() + limit
        loaded = False
        self.ws.settimeout(idle)
        try:
            while time.time() < end:
                try:
                    ev = json.loads(self.ws.recv())
                except Exception:  # idle for `idle` seconds
                    if loaded:
                        break
                    continue
                self.events.append(ev)
                loaded = loaded or ev.get("method") == "Page.loadEventFired"
        finally:
            self.ws.settimeout(30)


def check_pages(pages, screenshot_dir: str | Path | None = None, chromium: str | None = None,
                width: int = VIEWPORT_WIDTH) -> list[dict]:
    """Load each HTML file at a viewport ``width`` px wide; return one dict per page.

    Keys: ``page``; ``requests`` (URLs that are not ``file:``/``data:``) and ``errors``
    (console errors, uncaught exceptions); ``scroll_width`` and ``client_width`` of the document
    (``scroll_width > client_width``: the page scrolls sideways), ``scroll_height``;
    ``overflowing`` (up to five elements sticking out past the right edge, outside any box that
    scrolls or clips them); ``images`` (per ``<img>``: ``alt``, ``width`` and ``height`` as drawn,
    ``natural_width`` and ``natural_height`` in stored pixels); ``screenshots`` (PNG paths: the
    whole page in tiles of :data:`SCREENSHOT_MAX_HEIGHT` px, at most :data:`SCREENSHOT_MAX_TILES`;
    none without ``screenshot_dir``) and ``screenshot`` (the first, or "").
    """
    exe = chromium or find_chromium()
    if not exe:
        raise FileNotFoundError("no Chromium found (apt-get install chromium, or set CHROMIUM=/path)")
    port = _free_port()
    profile = tempfile.mkdtemp(prefix="framing-chromium-")
    proc = subprocess.Popen([exe, *FLAGS, f"--remote-debugging-port={port}", f"--user-data-dir={profile}",
                             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    try:
        ws_url = None
        for _ in range(100):
            try:
                with _NO_PROXY.open(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    targets = [t for t in json.load(r) if t.get("type") == "page"]
                if targets:
                    ws_url = targets[0]["webSocketDebuggerUrl"]
                    break
            except OSError:
                pass
            time.sleep(0.2)
        if not ws_url:
            raise RuntimeError("Chromium did not open its debugging port")
        s = _Session(ws_url)
        for domain in ("Page", "Network", "Runtime", "Log"):
            s.call(f"{domain}.enable")
        s.call("Emulation.setDeviceMetricsOverride", width=width, height=VIEWPORT_HEIGHT, deviceScaleFactor=1,
               mobile=False)
        for page in pages:
            page = Path(page).resolve()
            s.events.clear()
            s.call("Page.navigate", url=page.as_uri())
            s.drain()
            requests, errors = [], []
            for ev in s.events:
                m, p = ev.get("method"), ev.get("params", {})
                if m == "Network.requestWillBeSent":
                    url = p["request"]["url"]
                    if not url.startswith(("file:", "data:", "about:")):
                        requests.append(url)
                elif m == "Runtime.exceptionThrown":
                    errors.append(p["exceptionDetails"].get("text", "exception"))
                elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                    errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
                elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                    errors.append(p["entry"].get("text", ""))
            found = s.call("Runtime.evaluate", expression=_MEASURE, returnByValue=True)
            layout = json.loads(found.get("result", {}).get("value") or "{}")
            shots = []
            if screenshot_dir:
                Path(screenshot_dir).mkdir(parents=True, exist_ok=True)
                total = max(VIEWPORT_HEIGHT, int(layout.get("scroll_height", 0)))
                for k, top in enumerate(range(0, total, SCREENSHOT_MAX_HEIGHT)[:SCREENSHOT_MAX_TILES]):
                    clip = {"x": 0, "y": top, "width": width, "height": min(SCREENSHOT_MAX_HEIGHT, total - top),
                            "scale": 1}
                    data = s.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                  clip=clip)["data"]
                    shots.append(Path(screenshot_dir) / (page.stem + (f"-{k + 1}" if k else "") + ".png"))
                    shots[-1].write_bytes(base64.b64decode(data))
            results.append({"page": str(page), "requests": requests, "errors": errors,
                            "scroll_width": layout.get("scroll_width", 0),
                            "client_width": layout.get("client_width", 0),
                            "scroll_height": layout.get("scroll_height", 0),
                            "overflowing": layout.get("overflowing", []), "images": layout.get("images", []),
                            "screenshot": str(shots[0]) if shots else "", "screenshots": [str(x) for x in shots]})
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    return results


def layout_problems(result: dict, max_figure_height: int | None = None) -> list[str]:
    """What a reader would see wrong in one page of :func:`check_pages`: a page that scrolls
    sideways, and figures drawn taller than ``max_figure_height`` px (default: the figure style's
    :data:`framing.report.style.MAX_FIGURE_PX`) or stored taller than that. One line each."""
    if max_figure_height is None:
        from .style import MAX_FIGURE_PX as max_figure_height
    out = []
    if result.get("scroll_width", 0) > result.get("client_width", 0):
        out.append(f"scrolls sideways: {result['scroll_width']} px of content in {result['client_width']} px; "
                   + "; ".join(result.get("overflowing", [])))
    for i, im in enumerate(result.get("images", [])):
        tallest = max(im.get("height", 0), im.get("natural_height", 0))
        if tallest > max_figure_height:
            out.append(f"image {i + 1} ({im.get('alt', '')!r}) is {tallest} px tall (limit {max_figure_height} px)")
    return out


def main(argv=None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m framing.report.browser")
    ap.add_argument("site", help="folder with the built report")
    ap.add_argument("--screenshots", default=None, help="folder for PNG screenshots (default: SITE/screenshots)")
    a = ap.parse_args(argv)
    site = Path(a.site)
    pages = sorted(site.glob("*.html")) + sorted(site.glob("articles/*.html"))
    if not pages:
        print(f"framing.report.browser: no HTML pages in {site}", file=sys.stderr)
        return 2
    res = check_pages(pages, a.screenshots or site / "screenshots")
    bad = 0
    for r in res:
        layout = layout_problems(r)
        status = "ok" if not (r["requests"] or r["errors"] or layout) else "FAIL"
        bad += status == "FAIL"
        print(f"{status}: {Path(r['page']).relative_to(site.resolve())}  requests={len(r['requests'])} "
              f"errors={len(r['errors'])}  width={r['scroll_width']}/{r['client_width']} px")
        for u in r["requests"]:
            print(f"    request: {u}")
        for e in r["errors"]:
            print(f"    error: {e}")
        for e in layout:
            print(f"    layout: {e}")
    print(f"{len(res)} pages checked in headless Chromium, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
