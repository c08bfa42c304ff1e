#!/usr/bin/env python3
"""Reads a podcast feed the way a podcast app does (python3-feedparser) and
checks it against the files it announces.

usage: check_podcast_feed.py [--ffprobe] FEED DIR

FEED must parse without error (feedparser's "bozo" flag); every episode's
enclosure, transcript and chapters must be a file of DIR (the last part of
its URL), the enclosure's length must be the file's exact size, and with
--ffprobe the itunes:duration must be ffprobe's duration, rounded (within
one second). Prints one line for the channel and one per episode, in feed
order, for the test to compare; exits 1 with the reason on a failure.
"""
import os
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import feedparser

PODCAST = "{https://podcastindex.org/namespace/1.0}"


def fail(why):
    print("check_podcast_feed: " + why, file=sys.stderr)
    sys.exit(1)


def local(url, folder):
    """The file of folder an URL points at (its last path part)."""
    name = urllib.parse.unquote(urllib.parse.urlparse(url).path.rsplit("/", 1)[-1])
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        fail("%s: no such file for %s" % (path, url))
    return name, path


def ffprobe_seconds(path):
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
        check=True, capture_output=True, text=True).stdout
    return float(out.strip())


def main():
    args = sys.argv[1:]
    probe = "--ffprobe" in args
    args = [a for a in args if a != "--ffprobe"]
    if len(args) != 2:
        fail("usage: check_podcast_feed.py [--ffprobe] FEED DIR")
    feed_path, folder = args
    d = feedparser.parse(feed_path)
    if d.bozo:
        fail("%s: not a well-formed feed: %s" % (feed_path, d.bozo_exception))
    if d.version != "rss20":
        fail("%s: %s, not RSS 2.0" % (feed_path, d.version))
    # feedparser keeps no podcast: elements: read those from the XML itself.
    items = ET.parse(feed_path).getroot().find("channel").findall("item")
    if len(items) != len(d.entries):
        fail("feedparser saw %d entries, the XML has %d" % (len(d.entries), len(items)))
    f = d.feed
    print("channel: %s | %s | %s | %s | author %s | image %s | %d episodes" % (
        f.title, f.get("subtitle", ""), f.link, f.language, f.get("author", "-"),
        f.get("image", {}).get("href", "-"), len(d.entries)))
    for e, item in zip(d.entries, items):
        if len(e.enclosures) != 1:
            fail("%s: %d enclosures" % (e.id, len(e.enclosures)))
        enc = e.enclosures[0]
        name, path = local(enc.href, folder)
        size = os.path.getsize(path)
        if int(enc.length) != size:
            fail("%s: enclosure length %s, file has %d bytes" % (name, enc.length, size))
        duration = int(e.itunes_duration)
        if probe:
            real = ffprobe_seconds(path)
            if abs(real - duration) > 1:
                fail("%s: itunes:duration %d, ffprobe says %.3f" % (name, duration, real))
        extras = []
        t = item.find(PODCAST + "transcript")
        if t is not None:
            extras.append("transcript %s %s" % (local(t.get("url"), folder)[0], t.get("type")))
        c = item.find(PODCAST + "chapters")
        if c is not None:
            extras.append("chapters %s %s" % (local(c.get("url"), folder)[0], c.get("type")))
        date = "%04d-%02d-%02dT%02d:%02d:%02dZ" % tuple(e.published_parsed[:6])
        print(" | ".join([date, e.title, e.id, "%s %d %s" % (name, size, enc.type),
                          "%d s" % duration] + extras))


if __name__ == "__main__":
    main()
