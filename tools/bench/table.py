#!/usr/bin/env python3
"""`make bench`'s one table (issue 13): the toolkit's commands and the Python peer pipeline on the same
data, at several corpus sizes, from one run. Each size is ../shared/corpus repeated (whole files as
links, then the same share of each file, cut at a line end) to that many MB, so every size has the
corpus's mix of languages. Rows per size: parse only (JSON to
/dev/null), scripts/people.lua without the cache, the same with an
empty cache (cold: it fills it) and again (warm), a report with merge (scripts/cooccurrence.lua) on one
Lua state and on two (--jobs 1, --jobs 2), and the peer (tools/bench/peer_pipeline.py, one core).
Columns: wall seconds, MB/s, articles/s, how busy the cores were (CPU time / wall / cores), the
command's own peak RSS, and the ratio to the peer's MB/s. Figures only; nothing is asserted.

The peer is stateless per article, so its rate is measured on a corpus of the same mix of at most
--peer-mb MB (default 50) to keep the run short; its row says so.

Usage: table.py TOOLKIT CORPUS_DIR --peer-python PY [--sizes 50,200,500] [--peer-mb 50]"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build_corpus(corpus, folder, megabytes):
    """Whole copies of the corpus (the first as links, the others marked as copies), then the same
    share of each file (cut at a line end) for the remainder, so that every size has the corpus's
    mix of languages; returns (articles, bytes)."""
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".jsonl"))
    corpus_bytes = sum(os.path.getsize(path) for path in files)
    target = int(megabytes * 1e6)
    copies, remainder = divmod(target, corpus_bytes)
    total = articles = 0
    for path in files:
        with open(path, "rb") as handle:
            lines = sum(1 for _ in handle)
        for copy in range(copies):
            name = os.path.join(folder, f"{copy:03d}-{os.path.basename(path)}")
            if copy == 0:
                os.symlink(os.path.abspath(path), name)
                total += os.path.getsize(path)
            else:
                total += write_copy(path, name, copy)
            articles += lines
        share = os.path.getsize(path) * remainder // corpus_bytes
        written = 0
        with open(path, "rb") as source, open(os.path.join(folder, f"{copies:03d}-{os.path.basename(path)}"), "wb") as out:
            for line in source:
                if copies and line.startswith(b"{"):
                    line = b'{"bench_copy": %d, ' % copies + line[1:]
                if written + len(line) > share:
                    break
                out.write(line)
                written += len(line)
                articles += 1
        total += written
    return articles, total


def write_copy(path, target, copy):
    """The file again with each record marked as copy N (a field the script sees in article.meta):
    the article cache is keyed by content, so copies that were the same bytes would be parsed once
    and the cold-cache row would measure the copies, not a cold run. Returns the bytes written."""
    marker = b'{"bench_copy": %d, ' % copy
    written = 0
    with open(path, "rb") as source, open(target, "wb") as out:
        for line in source:
            if line.startswith(b"{"):
                line = marker + line[1:]
            out.write(line)
            written += len(line)
    return written


def measure(command, stdout=subprocess.DEVNULL):
    """Wall time, CPU time and peak RSS (KiB) of this one child, from wait4."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} exited {code}: {stderr.decode(errors='replace')[-400:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("toolkit")
    parser.add_argument("corpus")
    parser.add_argument("--peer-python", required=True)
    parser.add_argument("--sizes", default="50,200,500")
    parser.add_argument("--peer-mb", type=float, default=50)
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"bench: {args.corpus} is absent; skipping the table")
        return 0
    cores = os.cpu_count() or 1
    people = os.path.join(ROOT, "scripts", "people.lua")
    cooccurrence = os.path.join(ROOT, "scripts", "cooccurrence.lua")
    header = f"{'size':>6} {'command':<34} {'wall s':>8} {'MB/s':>7} {'art/s':>7} {'busy':>5} {'peak RSS':>9} {'x peer':>7}"
    print(f"make bench: {cores} cores; the toolkit's commands and the Python peer on the same data")
    print(header)
    print("-" * len(header))
    for size in [float(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix="toolkit-bench-") as tmp:
            data = os.path.join(tmp, "corpus")
            os.mkdir(data)
            articles, size_bytes = build_corpus(args.corpus, data, size)
            megabytes = size_bytes / 1e6
            out, cache = os.path.join(tmp, "out"), os.path.join(tmp, "cache")
            run = [args.toolkit, "run", people, data, "--out", out, "--quiet"]
            report = [args.toolkit, "run", cooccurrence, data, "--out", out, "--quiet", "--no-cache"]
            rows = [
                ("toolkit parse --format json", [args.toolkit, "parse", data, "--format", "json"]),
                ("people.lua --no-cache", run + ["--no-cache"]),
                ("people.lua, cold cache", run + ["--cache", cache]),
                ("people.lua, warm cache", run + ["--cache", cache]),
                ("cooccurrence.lua (report) --jobs 1", report + ["--jobs", "1"]),
                ("cooccurrence.lua (report) --jobs 2", report + ["--jobs", "2"]),
            ]
            peer_data = data
            if megabytes > args.peer_mb:
                peer_data = os.path.join(tmp, "peer-corpus")
                os.mkdir(peer_data)
                build_corpus(args.corpus, peer_data, args.peer_mb)
            peer_mb = min(megabytes, args.peer_mb)
            peer = subprocess.run([args.peer_python, os.path.join(ROOT, "tools", "bench", "peer_pipeline.py"), peer_data,
                                   "--dates", "field"], capture_output=True, text=True)
            if peer.returncode != 0:
                print(f"bench: the peer failed: {peer.stderr[-400:]}", file=sys.stderr)
                return 1
            peer_figures = json.loads(peer.stdout)
            peer_rate = peer_figures["mb_per_s"]
            for label, command in rows:
                try:
                    wall, cpu, rss = measure(command)
                except RuntimeError as error:
                    print(f"{size:>5.0f}M {label:<34} failed: {error}")
                    continue
                rate = megabytes / wall
                print(f"{size:>5.0f}M {label:<34} {wall:8.2f} {rate:7.1f} {articles / wall:7.0f} "
                      f"{100 * cpu / wall / cores:4.0f}% {rss / 1024:7.0f} MiB {rate / peer_rate:6.1f}x")
            peer_articles_rate = peer_figures["articles"] / peer_figures["seconds"]
            print(f"{size:>5.0f}M {'Python peer (1 core, ' + format(peer_mb, '.0f') + ' MB)':<34} "
                  f"{peer_figures['seconds']:8.2f} {peer_rate:7.2f} {peer_articles_rate:7.0f} {'':>5} {'':>11} {1:6.1f}x")
            sys.stdout.flush()
    print("busy = CPU time / wall time / cores; x peer = MB/s over the peer's MB/s (CPU time, one core).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
