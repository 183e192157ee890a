#!/usr/bin/env python3
"""`make test-spark`: a report run on Spark equals the plain run, byte for byte.

Runs SCRIPT (default scripts/cooccurrence.lua, a report with merge) over CORPUS twice: with
`toolkit run` on this machine, and with tools/spark/toolkit_spark.py on Spark `local[2]`, with a
fan-in small enough that the states go through merges on the executors before the driver's. Every
file of the two output folders and the standard output of the two runs must be equal. Prints both
times and MB/s; ends with the closing line `test-spark: N passed, N failed`.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def files_under(folder):
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, folder)] = f.read()
    return found


def children_cpu_seconds():
    """CPU time of the finished children and their descendants (the JVM and the toolkit processes
    it starts included): a figure less bent by other work on the machine than wall time."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def corpus_megabytes(corpus):
    total = 0
    for root, _, names in os.walk(corpus):
        total += sum(os.path.getsize(os.path.join(root, n)) for n in names if n.endswith((".jsonl", ".ndjson", ".txt")))
    return total / 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--toolkit", required=True, help="the release binary")
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--script", default="scripts/cooccurrence.lua")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--fan-in", default="3")
    options = parser.parse_args()
    toolkit = os.path.abspath(options.toolkit)
    megabytes = corpus_megabytes(options.corpus)
    failures = []
    work = tempfile.mkdtemp(prefix="toolkit-test-spark-")
    try:
        plain_out, spark_out = os.path.join(work, "plain"), os.path.join(work, "spark")
        started, cpu = time.monotonic(), children_cpu_seconds()
        # Each side gets an article cache of its own, empty: the Spark run must parse and annotate,
        # not read what the plain run left, and neither writes into the user's ~/.cache.
        def cold_cache(name):
            return dict(os.environ, XDG_CACHE_HOME=os.path.join(work, name))
        plain = subprocess.run([toolkit, "run", options.script, options.corpus, "--out", plain_out],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cold_cache("cache-plain"))
        plain_seconds, plain_cpu = time.monotonic() - started, children_cpu_seconds() - cpu
        if plain.returncode != 0:
            sys.stderr.write(plain.stderr.decode("utf-8", "replace"))
            failures.append(f"toolkit run exited {plain.returncode}")

        started = time.monotonic()
        spark = subprocess.run([sys.executable, os.path.join(HERE, "toolkit_spark.py"), options.script, options.corpus,
                                "--out", spark_out, "--master", options.master, "--toolkit", toolkit,
                                "--fan-in", options.fan_in],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cold_cache("cache-spark"))
        spark_seconds = time.monotonic() - started
        summary = [line for line in spark.stderr.decode("utf-8", "replace").splitlines() if line.startswith("toolkit_spark:")]
        if spark.returncode != 0:
            sys.stderr.write(spark.stderr.decode("utf-8", "replace")[-4000:])
            failures.append(f"toolkit_spark.py exited {spark.returncode}")

        if not failures:
            expected, got = files_under(plain_out), files_under(spark_out)
            if not expected:
                failures.append("the plain run wrote no file")
            if sorted(expected) != sorted(got):
                failures.append(f"different files: plain {sorted(expected)}, spark {sorted(got)}")
            for name in sorted(set(expected) & set(got)):
                if expected[name] != got[name]:
                    failures.append(f"{name} differs ({len(expected[name])} bytes plain, {len(got[name])} on Spark)")
            # The script may print where it wrote (cooccurrence.lua prints the page's path): the two
            # output folders are the one difference allowed.
            plain_stdout = plain.stdout.replace(plain_out.encode(), b"OUT")
            spark_stdout = spark.stdout.replace(spark_out.encode(), b"OUT")
            if plain_stdout != spark_stdout:
                failures.append("standard output differs:\n--- plain\n" + plain_stdout.decode("utf-8", "replace")[:2000]
                                + "\n--- spark\n" + spark_stdout.decode("utf-8", "replace")[:2000])
            print(f"test-spark: {options.script} over {options.corpus} ({megabytes:.1f} MB): "
                  f"{len(expected)} output files and standard output compared")
        print(f"test-spark: plain toolkit run {plain_seconds:.1f} s wall ({megabytes / plain_seconds:.2f} MB/s), "
              f"{plain_cpu:.1f} s CPU ({megabytes / plain_cpu:.2f} MB per CPU-second)")
        print(f"test-spark: Spark {options.master} {spark_seconds:.1f} s wall ({megabytes / spark_seconds:.2f} MB/s, JVM start included)")
        print(f"test-spark: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end")
        for line in summary:
            print(line)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"test-spark: FAILED: {failure}")
    print(f"test-spark: {0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
