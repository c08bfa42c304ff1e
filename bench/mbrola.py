#!/usr/bin/env python3
"""MBROLA voices: narrateur's `homme` preset (MBROLA fr1) against
`espeak-ng -v mb-fr1 -w` on the seed article, with narrateur's default
eSpeak NG voice as the reference. Both sides write a WAV; narrateur also
normalizes the French first. Prints one Markdown table: CPU time (user +
system, MBROLA's own process included since eSpeak NG waits for it), audio
length and how many times faster than real time.

CPU times are the best of three runs (the machine is shared).

Usage: bench/mbrola.py [BUILD_DIR]   (default: build)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import wave

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
NARRATEUR = os.path.join(BUILD, "src", "narrateur")
SEED = os.path.join(ROOT, "..", "shared", "corpus", "seed-article.txt")


def cpu(cmd):
    """CPU seconds of one run, children it waited for included."""
    pid = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).pid
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed with status {status}")
    return usage.ru_utime + usage.ru_stime


def seconds(path):
    with wave.open(path) as w:
        return w.getnframes() / w.getframerate(), w.getframerate()


def main():
    if not os.path.exists(SEED):
        sys.exit(f"no seed article at {SEED}")
    if not shutil.which("espeak-ng"):
        sys.exit("espeak-ng is needed: apt-get install $(cat .ci/packages-mbrola)")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.wav")
        runs = [
            ("narrateur -v homme (MBROLA fr1)", [NARRATEUR, "-v", "homme", SEED, "-o", out]),
            ("espeak-ng -v mb-fr1 -s 145 -p 45 -w", ["espeak-ng", "-v", "mb-fr1", "-s", "145", "-p", "45",
                                               "-f", SEED, "-w", out]),
            ("narrateur (eSpeak NG fr, default)", [NARRATEUR, SEED, "-o", out]),
        ]
        print("| command | CPU s | audio s | rate Hz | × real time |")
        print("|---|---:|---:|---:|---:|")
        for name, cmd in runs:
            best = min(cpu(cmd) for _ in range(3))
            length, rate = seconds(out)
            print(f"| `{name}` | {best:.2f} | {length:.0f} | {rate} | {length / best:.0f} |")


if __name__ == "__main__":
    main()
