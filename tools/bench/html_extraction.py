"""Main-text extraction measured on ../shared/html-dev beside trafilatura, in the same run.

    python tools/bench/html_extraction.py TOOLKIT_BENCH HTML_DEV [--peer-python PY] [--keep DIR] [--no-peer]

--keep DIR leaves both tools' texts there (toolkit.json, trafilatura.json: {"seconds", "texts"}) and a
misses.tsv of the pages where the toolkit lost most (missed and wrongly kept segments), for studying errors
on the dev half; --no-peer measures the toolkit alone (figures of trafilatura read from a kept run if any).

The main text is every block the article reader keeps but furniture, captions and credits (kept beside
the article's text, as the set's segments leave them out). Scoring is the set's own (its README): a segment of `with` found in the extracted text is a true
positive, one missing a false negative; a segment of `without` found is a false positive. Precision,
recall and F1 are over all segments of the pages counted.

Split: pages sorted by file name; even positions (0, 2, ...) are the dev half the extractor was tuned
on, odd positions the report half. Figures are printed for both halves and for all 949.
Speed: pages per second on one core, pages already in memory, for both tools.
"""
import json
import os
import subprocess
import sys
import tempfile
import time


def score(expected, texts, names):
    tp = fp = fn = tn = 0
    for name in names:
        entry = expected[name]
        text = texts.get(name) or ""
        for segment in entry["with"]:
            if segment in text:
                tp += 1
            else:
                fn += 1
        for segment in entry["without"]:
            if segment in text:
                fp += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


PEER = r"""
import json, sys, time, warnings
warnings.filterwarnings("ignore")
import logging
logging.disable(logging.CRITICAL)
from trafilatura import extract
folder, listing, out = sys.argv[1:4]
names = open(listing).read().splitlines()
pages = [open(folder + "/" + n, "rb").read() for n in names]
texts = {}
start = time.perf_counter()
for name, page in zip(names, pages):
    try:
        texts[name] = extract(page, include_comments=False) or ""
    except Exception:
        texts[name] = ""
seconds = time.perf_counter() - start
json.dump({"seconds": seconds, "texts": texts}, open(out, "w"))
"""


def write_misses(path, expected, texts, names):
    """Pages of `names` by segments lost (missed plus wrongly kept), worst first."""
    rows = []
    for name in names:
        entry, text = expected[name], texts.get(name) or ""
        missed = [s for s in entry["with"] if s not in text]
        kept = [s for s in entry["without"] if s in text]
        if missed or kept:
            rows.append((len(missed) + len(kept), name, missed, kept))
    with open(path, "w", encoding="utf-8") as f:
        for lost, name, missed, kept in sorted(rows, key=lambda r: -r[0]):
            f.write(f"{name}\t{lost}\tmissed: {' | '.join(missed)}\tkept: {' | '.join(kept)}\n")


def main():
    args = sys.argv[1:]
    peer_python = sys.executable
    keep = None
    if "--peer-python" in args:
        i = args.index("--peer-python")
        peer_python = args[i + 1]
        del args[i:i + 2]
    if "--keep" in args:
        i = args.index("--keep")
        keep = args[i + 1]
        del args[i:i + 2]
        os.makedirs(keep, exist_ok=True)
    no_peer = "--no-peer" in args
    args = [a for a in args if a != "--no-peer"]
    bench, root = args[0], args[1]
    pages = os.path.join(root, "pages")
    if not os.path.isdir(pages):
        print(f"bench-html: {root} not found; nothing measured")
        return 0
    with open(os.path.join(root, "expected.json"), encoding="utf-8") as f:
        by_url = json.load(f)
    expected = {entry["file"]: entry for entry in by_url.values()}
    names = sorted(n for n in expected if os.path.exists(os.path.join(pages, n)))
    dev, report = names[0::2], names[1::2]
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = keep or tmp
        listing = os.path.join(tmp, "pages.txt")
        with open(listing, "w") as f:
            f.write("\n".join(names) + "\n")
        ours_out, peer_out = os.path.join(out_dir, "toolkit.json"), os.path.join(out_dir, "trafilatura.json")
        # One core each, one after the other.
        subprocess.run(["taskset", "-c", "0", bench, "html", pages, listing, ours_out], check=True)
        script = os.path.join(tmp, "peer.py")
        with open(script, "w") as f:
            f.write(PEER)
        if no_peer:
            peer_ok = os.path.exists(peer_out)
        else:
            peer_ok = subprocess.run(["taskset", "-c", "0", peer_python, script, pages, listing, peer_out]).returncode == 0
        with open(ours_out) as f:
            ours = json.load(f)
        runs = [("toolkit", ours)]
        if keep:
            write_misses(os.path.join(keep, "misses.tsv"), expected, ours["texts"], dev)
        if peer_ok:
            with open(peer_out) as f:
                runs.append(("trafilatura", json.load(f)))
        else:
            # A bench venv made before trafilatura joined tools/bench/html-requirements.txt lacks it.
            print(f"bench-html: trafilatura did not run with {peer_python}; install it with"
                  f" {peer_python} -m pip install -r tools/bench/html-requirements.txt")
    rows = []
    for label, run in runs:
        speed = len(names) / run["seconds"]
        figures = [score(expected, run["texts"], part) for part in (report, dev, names)]
        rows.append((label, speed, figures))
    print(f"main text of {len(names)} pages of {root} (report half: odd positions by file name, {len(report)} pages;"
          f" dev half: even, {len(dev)})")
    print(f"{'':12} {'report P':>9} {'R':>6} {'F1':>6}   {'dev F1':>6}   {'all P':>6} {'R':>6} {'F1':>6}   {'pages/s':>8}")
    for label, speed, ((rp, rr, rf), (_, _, df), (ap, ar, af)) in rows:
        print(f"{label:12} {rp:9.3f} {rr:6.3f} {rf:6.3f}   {df:6.3f}   {ap:6.3f} {ar:6.3f} {af:6.3f}   {speed:8.1f}")
    if len(rows) == 2:
        print(f"speed ratio toolkit/trafilatura: {rows[0][1] / rows[1][1]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
