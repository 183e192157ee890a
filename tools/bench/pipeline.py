#!/usr/bin/env python3
"""End-to-end figures of the real commands on the corpus: wall time, articles and MB per second,
peak memory (max RSS of the child). Usage: pipeline.py TOOLKIT CORPUS_DIR [COPIES]
The corpus is replicated COPIES times (symlinks in a temporary folder) to reach a steady state."""
import os, resource, subprocess, sys, tempfile, time

def run(cmd, label, articles, megabytes):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        print(f"{label}: failed ({result.returncode}): {result.stderr.decode()[-300:]}")
        return
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{label:<34} {wall:7.2f} s wall {cpu:7.2f} s cpu  {articles / wall:8.0f} articles/s  "
          f"{megabytes / wall:6.1f} MB/s  peak RSS {after.ru_maxrss / 1024:6.0f} MiB")

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    toolkit, corpus = sys.argv[1], sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    if not os.path.isdir(corpus):
        print(f"pipeline: {corpus} is absent; skipping")
        return
    files = sorted(f for f in os.listdir(corpus) if f.endswith(".jsonl"))
    articles = sum(sum(1 for _ in open(os.path.join(corpus, f), "rb")) for f in files) * copies
    megabytes = sum(os.path.getsize(os.path.join(corpus, f)) for f in files) * copies / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        for c in range(copies):
            for f in files:
                os.symlink(os.path.abspath(os.path.join(corpus, f)), os.path.join(tmp, f"{c}-{f}"))
        def lua(name, code):
            path = os.path.join(tmp, name)
            with open(path, "w") as out:
                out.write(code)
            return path
        script = lua("count.lua", "local n = 0 for a in toolkit.articles() do n = n + #a.paragraphs end print(n)\n")
        # Lazy fields: a script that reads only titles must not pay for entities.
        titles = lua("titles.lua", "local n = 0 for a in toolkit.articles() do n = n + #(a.title or '') end print(n)\n")
        entities = lua("entities.lua", "local n = 0 for a in toolkit.articles() do for _ in a:entities() do n = n + 1 end end print(n)\n")
        # A map/merge report: the same work on one worker state and on two.
        report = lua("report.lua", """
toolkit.report{ name = "people", init = function() return {} end,
  article = function(s, a) for m in a:entities("person") do s[m.id] = (s[m.id] or 0) + 1 end end,
  merge = function(a, b) for k, v in pairs(b) do a[k] = (a[k] or 0) + v end return a end,
  finish = function(s, out) local n = 0 for _ in pairs(s) do n = n + 1 end print(n) end }
""")
        print(f"corpus: {articles} articles, {megabytes:.1f} MB ({copies} copies of {corpus})")
        run([toolkit, "parse", tmp, "--format", "json"], "toolkit parse --format json", articles, megabytes)
        run([toolkit, "run", script, tmp, "--out", tmp], "toolkit run (read every article)", articles, megabytes)
        run([toolkit, "entities", tmp, "--format", "jsonl"], "toolkit entities --format jsonl", articles, megabytes)
        run([toolkit, "run", "scripts/people.lua", tmp, "--out", tmp], "toolkit run scripts/people.lua", articles, megabytes)
        run([toolkit, "run", titles, tmp, "--out", tmp], "toolkit run (titles only)", articles, megabytes)
        run([toolkit, "run", entities, tmp, "--out", tmp], "toolkit run (every entity)", articles, megabytes)
        run([toolkit, "run", report, tmp, "--out", tmp, "--jobs", "1"], "toolkit run report --jobs 1", articles, megabytes)
        run([toolkit, "run", report, tmp, "--out", tmp, "--jobs", "2"], "toolkit run report --jobs 2", articles, megabytes)

main()
