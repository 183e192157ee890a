#!/usr/bin/env python3
"""Peak memory on very large inputs (issue 7, "any input size"): one 100 MB article of ordinary
news paragraphs and one 10 MB line, through `toolkit parse --format json` and `toolkit run` of a
script that reads every block's text (and one that reads article.text). For each: peak RSS, the
same command's peak RSS on a tiny article, and (peak - tiny) / file size, the figure the issue
wants under 3. Nothing is asserted.

Usage: large_input.py TOOLKIT [CORPUS_DIR] [--mb 100] [--line-mb 10]
Paragraphs come from the corpus's JSON Lines texts when CORPUS_DIR holds any, else are synthetic."""
import json, os, random, resource, subprocess, sys, tempfile, time

def peak_rss(cmd):
    """Runs cmd in a child of a fresh child, so that ru_maxrss is this command's alone."""
    probe = ("import resource, subprocess, sys, time\n"
             "start = time.monotonic()\n"
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
             "wall = time.monotonic() - start\n"
             "if r.returncode != 0: sys.stderr.write(r.stderr.decode()[-400:]); sys.exit(r.returncode)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, wall)\n")
    out = subprocess.run([sys.executable, "-c", probe] + cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"large_input: {' '.join(cmd)} failed ({out.returncode}): {out.stderr}")
    kib, wall = out.stdout.split()
    return int(kib) * 1024, float(wall)

def paragraphs(corpus):
    texts = []
    if corpus and os.path.isdir(corpus):
        for name in sorted(os.listdir(corpus)):
            if not name.endswith(".jsonl"):
                continue
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                for i, line in enumerate(f):
                    if i >= 400:
                        break
                    try:
                        text = json.loads(line).get("text") or ""
                    except ValueError:
                        continue
                    texts += [p.strip() for p in text.split("\n") if len(p.strip()) > 80]
    if not texts:
        rng = random.Random(7)
        words = ["rais", "serikali", "mkutano", "الرئيس", "الصين", "روسيا", "رئیس", "جمهور", "president",
                 "summit", "Shanghai", "cooperation", "organisation", "Putin", "Xi", "Moscow", "Beijing"]
        texts = [" ".join(rng.choice(words) for _ in range(60)) + "." for _ in range(500)]
    return texts

def write_article(path, texts, size):
    rng = random.Random(1)
    with open(path, "w", encoding="utf-8") as f:
        f.write("A very long article for the memory benchmark\n\n")
        written = 0
        while written < size:
            p = rng.choice(texts)
            f.write(p + "\n\n")
            written += len(p.encode()) + 2

def write_line(path, texts, size):
    rng = random.Random(2)
    with open(path, "w", encoding="utf-8") as f:
        written = 0
        while written < size:
            p = rng.choice(texts)
            f.write(p + " ")
            written += len(p.encode()) + 1
        f.write("\n")

def main():
    args = [a for a in sys.argv[1:]]
    if not args:
        sys.exit(__doc__)
    mb, line_mb = 100, 10
    if "--mb" in args:
        i = args.index("--mb"); mb = float(args[i + 1]); del args[i:i + 2]
    if "--line-mb" in args:
        i = args.index("--line-mb"); line_mb = float(args[i + 1]); del args[i:i + 2]
    toolkit = args[0]
    corpus = args[1] if len(args) > 1 else None
    texts = paragraphs(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        tiny = os.path.join(tmp, "tiny.txt")
        with open(tiny, "w", encoding="utf-8") as f:
            f.write("A tiny article\n\n" + "\n\n".join(texts[:3]) + "\n")
        big = os.path.join(tmp, "large.txt")
        write_article(big, texts, int(mb * 1e6))
        line = os.path.join(tmp, "line.txt")
        write_line(line, texts, int(line_mb * 1e6))
        blocks_lua = os.path.join(tmp, "blocks.lua")
        with open(blocks_lua, "w") as f:
            f.write("local n = 0 for a in toolkit.articles() do for _, b in ipairs(a.blocks) do n = n + #b.text end end print(n)\n")
        text_lua = os.path.join(tmp, "text.lua")
        with open(text_lua, "w") as f:
            f.write("local n = 0 for a in toolkit.articles() do n = n + #a.text end print(n)\n")
        out = os.path.join(tmp, "out")
        commands = [
            ("parse --format json", lambda p: [toolkit, "parse", p, "--format", "json"]),
            ("run (every block's text)", lambda p: [toolkit, "run", blocks_lua, p, "--out", out]),
            ("run (article.text)", lambda p: [toolkit, "run", text_lua, p, "--out", out]),
        ]
        print(f"inputs: {os.path.getsize(big) / 1e6:.0f} MB article, {os.path.getsize(line) / 1e6:.0f} MB single line "
              f"(paragraphs from {'the corpus' if corpus and os.path.isdir(corpus) else 'a synthetic vocabulary'})")
        print(f"{'command':<26} {'input':<10} {'peak':>9} {'tiny':>9} {'extra':>9} {'extra/size':>10} {'wall':>8}")
        for label, make in commands:
            base, _ = peak_rss(make(tiny))
            for name, path in (("100 MB" if mb == 100 else f"{mb:g} MB", big), ("line", line)):
                size = os.path.getsize(path)
                peak, wall = peak_rss(make(path))
                extra = peak - base
                print(f"{label:<26} {name:<10} {peak / 2**20:7.0f} M {base / 2**20:7.0f} M {extra / 2**20:7.0f} M "
                      f"{extra / size:10.2f} {wall:7.1f}s")

if __name__ == "__main__":
    main()
