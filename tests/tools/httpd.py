#!/usr/bin/env python3
"""A small web server for narrateur's tests: real HTTP on 127.0.0.1.

Listens on a free port, prints "PORT\\n" on standard output, and serves
until its standard input reaches end of file (so it stops when the test
that started it ends, even by a crash) or it gets SIGTERM.

Paths:
  /page-fr.html        a French article, UTF-8 (charset in header and page)
  /latin1.html         ISO-8859-1 body, charset only in the Content-Type header
  /header-wins.html    ISO-8859-1 body and header; the page wrongly declares UTF-8
  /mislabeled.html     UTF-8 body under a server's default ISO-8859-1 header
  /redirect/N          a chain of N redirects ending at /page-fr.html
  /loop/a, /loop/b     a redirect loop
  /to-file             a redirect to file:///etc/passwd
  /status/N            an error page with HTTP status N (404, 410, 500...)
  /slow                answers after 30 s
  /huge                50 MB of text, with Content-Length, streamed
  /huge-chunked        50 MB of text without Content-Length, streamed
  /gzip.html           the French page, gzip-compressed when the client asks
  /gzip-bomb           a small gzip body that inflates to 50 MB
  /doc.pdf             a PDF (application/pdf)
  /empty.png           an empty body typed image/png
  /user-agent          the request's User-Agent, as text/plain
  /feed.rss            RSS 2.0 with content:encoded
  /feed.atom           Atom 1.0 with summaries; links to /articles/N.html
  /articles/N.html     the pages the Atom feed points at (N = 1, 2)
"""
import gzip
import http.server
import socketserver
import sys
import threading
import time

FRENCH_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Le chômage baisse</title></head>
<body><article><h1>Le chômage baisse</h1>
<p>Le taux de chômage a baissé de 0,3 % au troisième trimestre, selon l’Insee.</p>
<p>« C’est une bonne nouvelle », a déclaré la ministre.</p>
</article></body></html>
"""

LATIN1_PAGE = """<html><head><title>Été</title></head>
<body><p>L'été à Noël, déjà ? Ça alors.</p></body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Le Journal</title>
<link>/</link>
<description>Les nouvelles</description>
<item>
<title>Premier article</title>
<link>/articles/1.html</link>
<guid isPermaLink="false">journal-1</guid>
<pubDate>Mon, 07 Dec 2026 09:30:00 +0100</pubDate>
<description>Résumé du premier.</description>
<content:encoded><![CDATA[<p>Le texte <b>complet</b> du premier article.</p>]]></content:encoded>
</item>
<item>
<title>Deuxième article</title>
<link>/articles/2.html</link>
<guid isPermaLink="false">journal-2</guid>
<pubDate>Sun, 06 Dec 2026 18:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Le texte complet du deuxième article.</p>]]></content:encoded>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/articles/">
<title>Le Blog</title>
<id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>
<updated>2026-12-07T10:00:00Z</updated>
<entry>
<title>Une page</title>
<link href="1.html"/>
<id>urn:blog:1</id>
<updated>2026-12-07T10:00:00+01:00</updated>
<summary>Un résumé seulement.</summary>
</entry>
<entry>
<title>Une autre page</title>
<link rel="alternate" href="2.html"/>
<id>urn:blog:2</id>
<published>2026-12-05T08:00:00Z</published>
<updated>2026-12-06T08:00:00Z</updated>
<summary>Encore un résumé.</summary>
</entry>
</feed>
"""

ARTICLES = {
    "1": "<html><head><meta charset='utf-8'><title>Une page</title></head>"
         "<body><article><h1>Une page</h1><p>Le texte entier de la première page.</p>"
         "</article></body></html>",
    "2": "<html><head><meta charset='utf-8'><title>Une autre page</title></head>"
         "<body><article><h1>Une autre page</h1><p>Le texte entier de la seconde page.</p>"
         "</article></body></html>",
}

HUGE = 50 * 1024 * 1024
_bomb = None
_bomb_lock = threading.Lock()


def gzip_bomb():
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            _bomb = gzip.compress(b"a" * HUGE, compresslevel=9)
        return _bomb


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):  # keep the test output clean
        pass

    def send(self, status, ctype, body, extra=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where, status=302):
        self.send_response(status)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stream(self, with_length):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        if with_length:
            self.send_header("Content-Length", str(HUGE))
        self.end_headers()
        chunk = b"Bla bla. " * 7282 + b"\n"  # 64 KB
        sent = 0
        try:
            while sent < HUGE:
                part = chunk[: HUGE - sent]
                self.wfile.write(part)
                sent += len(part)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what the test wants
        self.close_connection = True

    def do_GET(self):
        p = self.path.split("?")[0]
        html = "text/html; charset=utf-8"
        if p == "/page-fr.html":
            self.send(200, html, FRENCH_PAGE.encode())
        elif p == "/latin1.html":
            self.send(200, "text/html; charset=ISO-8859-1", LATIN1_PAGE.encode("latin-1"))
        elif p == "/header-wins.html":
            body = LATIN1_PAGE.replace("<head>", '<head><meta charset="utf-8">')
            self.send(200, "text/html; charset=ISO-8859-1", body.encode("latin-1"))
        elif p == "/mislabeled.html":
            self.send(200, "text/html; charset=ISO-8859-1", LATIN1_PAGE.encode())
        elif p.startswith("/redirect/"):
            n = int(p.rsplit("/", 1)[1])
            self.redirect("/page-fr.html" if n <= 1 else "/redirect/%d" % (n - 1))
        elif p == "/loop/a":
            self.redirect("/loop/b", 301)
        elif p == "/loop/b":
            self.redirect("/loop/a", 301)
        elif p == "/to-file":
            self.redirect("file:///etc/passwd")
        elif p.startswith("/status/"):
            code = int(p.rsplit("/", 1)[1])
            self.send(code, html, b"<html><body><p>Erreur</p></body></html>")
        elif p == "/slow":
            time.sleep(30)
            self.send(200, html, FRENCH_PAGE.encode())
        elif p == "/huge":
            self.stream(True)
        elif p == "/huge-chunked":
            self.stream(False)
        elif p == "/gzip.html":
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                self.send(200, html, gzip.compress(FRENCH_PAGE.encode()),
                          [("Content-Encoding", "gzip")])
            else:
                self.send(200, "text/plain", b"not compressed")
        elif p == "/gzip-bomb":
            try:
                self.send(200, "text/plain", gzip_bomb(), [("Content-Encoding", "gzip")])
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif p == "/doc.pdf":
            self.send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"0" * 1000)
        elif p == "/empty.png":
            self.send(200, "image/png", b"")
        elif p == "/user-agent":
            self.send(200, "text/plain", self.headers.get("User-Agent", "").encode())
        elif p == "/feed.rss":
            self.send(200, "application/rss+xml", RSS.encode())
        elif p == "/feed.atom":
            self.send(200, "application/atom+xml", ATOM.encode())
        elif p.startswith("/articles/") and p[10:-5] in ARTICLES:
            self.send(200, html, ARTICLES[p[10:-5]].encode())
        else:
            self.send(404, html, b"<html><body>Introuvable</body></html>")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True  # a sleeping /slow never holds the exit
    allow_reuse_address = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sys.stdin.read()  # until the test closes the pipe (or dies)
    except KeyboardInterrupt:
        pass
    server.shutdown()


if __name__ == "__main__":
    main()
