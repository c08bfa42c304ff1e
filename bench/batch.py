#!/usr/bin/env python3
"""Batch speed: 8 articles into an --output-dir (MP3, one worker process
per article), with -j 1 against -j 2, then a re-run with nothing new (the
hourly cron case: every article is skipped by its content hash). Each
article is the example article with its own title, so the eight differ.
Prints the median wall times of REPS rounds and the ratios:
  -j 2 / -j 1         goal <= 0.6 on 2 cores
  re-run / first run  goal < 1 %

Usage: bench/batch.py [BUILD_DIR] [REPS]   (default: build 3)
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
REPS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
NARRATEUR = os.path.join(BUILD, "src", "narrateur")
ARTICLE = os.path.join(ROOT, "assets", "exemple-article.txt")
ARTICLES = 8


def run(args):
    start = time.monotonic()
    subprocess.run([NARRATEUR, "-q"] + args, check=True)
    return time.monotonic() - start


def main():
    with open(ARTICLE, encoding="utf-8") as f:
        body = f.read()
    tmp = tempfile.mkdtemp(prefix="narrateur-bench-")
    try:
        inputs = []
        for i in range(ARTICLES):
            path = os.path.join(tmp, "article-%d.txt" % i)
            with open(path, "w", encoding="utf-8") as f:
                f.write("Article numéro %d\n\n%s" % (i + 1, body))
            inputs.append(path)
        times = {1: [], 2: []}
        reruns = []
        for _ in range(REPS):
            for jobs in (1, 2):
                out = os.path.join(tmp, "out-%d" % jobs)
                shutil.rmtree(out, ignore_errors=True)
                times[jobs].append(run(["--output-dir", out, "-j", str(jobs)] + inputs))
            reruns.append(run(["--output-dir", os.path.join(tmp, "out-2"), "-j", "2"] + inputs))
        j1, j2, again = (statistics.median(times[1]), statistics.median(times[2]),
                         statistics.median(reruns))
        print("%d articles of %d bytes, %d cores, median of %d rounds, load average %.1f" % (
            ARTICLES, len(body.encode()), os.cpu_count(), REPS, os.getloadavg()[0]))
        print("| run | wall time | ratio |")
        print("|---|---|---|")
        print("| `-j 1` | %.2f s | 1 |" % j1)
        print("| `-j 2` | %.2f s | %.2f × `-j 1` |" % (j2, j2 / j1))
        print("| re-run, nothing new | %.3f s | %.2f %% of `-j 2` |" % (again, 100 * again / j2))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
