#!/usr/bin/env python3
"""Podcast encoding speed: `narrateur seed-article.txt -o x.mp3` (resampling,
EBU R128 loudness to -16 LUFS, limiter, MP3 through libsndfile) side by side
with the usual shell pipelines on the same article:
  espeak-ng | lame    `espeak-ng -v fr -f ARTICLE --stdout | lame -V 5 --resample 44.1 - y.mp3`
                      (no loudness normalization at all)
  espeak-ng | ffmpeg  the same with `-af loudnorm=I=-16:TP=-1` (one-pass EBU R128)
The three commands run in turn, REPS rounds, so machine load hits them alike;
the table gives the median wall time, the ratios narrateur / other (below 1 =
narrateur faster), the median CPU time (user + system, all processes and
threads: steadier than wall time on a busy machine) and what each output
measures (ffmpeg ebur128).

Usage: bench/podcast.py [BUILD_DIR] [REPS]   (default: build 5)
"""
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
REPS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
NARRATEUR = os.path.join(BUILD, "src", "narrateur")
ARTICLE = os.path.join(ROOT, "..", "shared", "corpus", "seed-article.txt")
if not os.path.exists(ARTICLE):
    ARTICLE = os.path.join(ROOT, "assets", "exemple-article.txt")


def commands(out):
    a = ARTICLE
    return [
        ("narrateur -o x.mp3", [NARRATEUR, "-q", a, "-o", os.path.join(out, "x.mp3")]),
        ("espeak-ng \\| lame -V 5",
         ["bash", "-c", f"espeak-ng -v fr -f '{a}' --stdout | "
                        f"lame --silent -V 5 --resample 44.1 - '{out}/y.mp3'"]),
        ("espeak-ng \\| ffmpeg loudnorm",
         ["bash", "-c", f"espeak-ng -v fr -f '{a}' --stdout | ffmpeg -loglevel error -y "
                        f"-i - -af loudnorm=I=-16:TP=-1 -ar 44100 -c:a libmp3lame -q:a 5 "
                        f"'{out}/z.mp3'"]),
    ]


def measure(path):
    """Integrated loudness and true peak as ffmpeg's ebur128 filter reads them."""
    r = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", path, "-af",
                        "ebur128=peak=true", "-f", "null", "-"],
                       capture_output=True, text=True)
    summary = r.stderr[r.stderr.rfind("Summary:"):]
    i = re.search(r"I:\s+(-?[\d.]+) LUFS", summary)
    p = re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary)
    dur = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                          "csv=p=0", path], capture_output=True, text=True).stdout.strip()
    return (float(i.group(1)) if i else None, float(p.group(1)) if p else None,
            float(dur) if dur else None)


def main():
    for tool in ("espeak-ng", "lame", "ffmpeg", "ffprobe"):
        if not shutil.which(tool):
            sys.exit(f"podcast.py: {tool} is needed for the comparison")
    out = tempfile.mkdtemp(prefix="narr-bench-")
    try:
        cmds = commands(out)
        times = {name: [] for name, _ in cmds}
        cpu = {name: [] for name, _ in cmds}
        for _ in range(REPS):
            for name, cmd in cmds:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - t)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        files = {cmds[0][0]: "x.mp3", cmds[1][0]: "y.mp3", cmds[2][0]: "z.mp3"}
        ours = statistics.median(times[cmds[0][0]])
        print(f"Article: {os.path.basename(ARTICLE)} ({os.path.getsize(ARTICLE)} bytes), "
              f"{REPS} rounds, {os.cpu_count()} CPUs\n")
        print("| command | median s | min s | narrateur / it | CPU s | audio s | LUFS | dBTP |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, _ in cmds:
            med = statistics.median(times[name])
            lufs, peak, dur = measure(os.path.join(out, files[name]))
            ratio = "—" if name == cmds[0][0] else f"{ours / med:.2f}"
            print(f"| {name} | {med:.2f} | {min(times[name]):.2f} | {ratio} | "
                  f"{statistics.median(cpu[name]):.2f} | {dur:.1f} | {lufs:.1f} | {peak:.1f} |")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
