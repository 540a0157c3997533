#!/usr/bin/env python3
"""Summarises the jdk.ExecutionSample events of a JFR recording by frame.

Usage: tools/jfr-top.py recording.jfr [--top N] [--thread SUBSTRING] [--prefix dev.ringlet]

Prints the top N frames by self samples (the frame on top of the stack) and by inclusive samples
(the frame anywhere in the stack, counted once per sample), optionally only for threads whose
name contains SUBSTRING. --prefix restricts the inclusive list to frames of those packages.
"""
import argparse
import collections
import re
import subprocess

parser = argparse.ArgumentParser()
parser.add_argument("recording")
parser.add_argument("--top", type=int, default=15)
parser.add_argument("--thread", default=None)
parser.add_argument("--prefix", default=None)
args = parser.parse_args()

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", args.recording],
                      check=True, capture_output=True, text=True).stdout
frame_re = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
self_counts = collections.Counter()
incl_counts = collections.Counter()
samples = 0
for block in text.split("jdk.ExecutionSample {")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', block)
    if args.thread and (not thread or args.thread not in thread.group(1)):
        continue
    frames = [m.group(1) for m in (frame_re.match(l) for l in block.splitlines()) if m]
    if not frames:
        continue
    samples += 1
    self_counts[frames[0]] += 1
    for f in set(frames):
        if args.prefix is None or f.startswith(args.prefix):
            incl_counts[f] += 1

print(f"{samples} samples" + (f" on threads matching '{args.thread}'" if args.thread else ""))
print("\nself (top of stack):")
for f, n in self_counts.most_common(args.top):
    print(f"  {100.0 * n / max(samples, 1):5.1f}%  {f}")
print("\ninclusive" + (f" ({args.prefix}*)" if args.prefix else "") + ":")
for f, n in incl_counts.most_common(args.top):
    print(f"  {100.0 * n / max(samples, 1):5.1f}%  {f}")
