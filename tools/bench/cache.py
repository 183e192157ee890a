#!/usr/bin/env python3
"""The article cache and start-up, measured (issue 13): scripts/people.lua over the corpus without
the cache, with an empty cache (cold: it parses, annotates and stores), and again with the cache it
filled (warm: it reads), in a cache folder of its own; then the start-up time of `toolkit run` of an
empty script with the bundled plugins (median and best of several runs). Figures only, nothing asserted.
Usage: cache.py TOOLKIT CORPUS_DIR [STARTUP_RUNS]"""
import os, resource, statistics, subprocess, sys, tempfile, time

def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"cache bench: {' '.join(cmd)} failed ({result.returncode}): {result.stderr.decode()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    toolkit, corpus = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    people = os.path.join(root, "scripts", "people.lua")
    with tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "cache")
        if os.path.isdir(corpus):
            megabytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(corpus) for f in fs) / 1e6
            base = ["run", people, corpus, "--out", os.path.join(tmp, "out"), "--quiet"]
            rows = [("people.lua, --no-cache", timed([toolkit] + base + ["--no-cache"]))]
            rows.append(("people.lua, cold cache", timed([toolkit] + base + ["--cache", cache])))
            size = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache)) / 1e6
            rows.append(("people.lua, warm cache", timed([toolkit] + base + ["--cache", cache])))
            print(f"article cache: scripts/people.lua over {corpus} ({megabytes:.1f} MB); cache file {size:.1f} MB")
            for label, (wall, cpu, rss) in rows:
                print(f"  {label:<26} {wall:7.2f} s wall {cpu:7.2f} s cpu {megabytes / wall:7.1f} MB/s  peak RSS {rss:5.0f} MiB")
            print(f"  warm cache {rows[1][1][0] / rows[2][1][0]:.1f}x faster than cold")
        else:
            print(f"cache bench: {corpus} is absent; skipping the corpus runs")
        empty = os.path.join(tmp, "empty.lua")
        with open(empty, "w") as out:
            out.write("-- nothing\n")
        times = []
        for _ in range(runs):
            wall, _, _ = timed([toolkit, "run", empty, "--out", os.path.join(tmp, "out"), "--cache", cache])
            times.append(wall * 1000)
        print(f"start-up: toolkit run of an empty script with the bundled plugins, {runs} runs: "
              f"median {statistics.median(times):.0f} ms, best {min(times):.0f} ms")

main()
