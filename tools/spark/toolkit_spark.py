#!/usr/bin/env python3
"""Run a toolkit script's reports over a corpus partitioned by Apache Spark (docs/scale.md).

    spark-submit tools/spark/toolkit_spark.py SCRIPT CORPUS... --out DIR [--toolkit PATH] [-- TOOLKIT ARGS]
    python3 tools/spark/toolkit_spark.py scripts/cooccurrence.lua ../shared/corpus --master 'local[2]'

Map: each partition's articles, as JSON Lines on standard input, go through
`toolkit run SCRIPT - --map-state STATE` on the executor that holds them; the state file (JSON)
becomes the partition's element. Reduce: an ordered tree. States are grouped by partition index,
`--fan-in` at a time, and each group is merged in partition order by `toolkit merge SCRIPT
STATE... --map-state MERGED` on an executor; the levels repeat until at most `--fan-in` states are
left, which the driver merges with `toolkit merge SCRIPT STATE... --out DIR`, so `finish` runs
once and writes its files where the driver is. Spark's own treeReduce is not used: it does not
promise the order in which it combines partitions, and a report's merge need not be commutative
(a list in corpus order). Merging on the executors keeps the driver's memory to `--fan-in` states
whatever the number of partitions.

Inputs: files and folders (local, hdfs://, s3a://, any path Hadoop reads), searched recursively for
*.jsonl / *.ndjson (read line by line, split by Spark) and *.txt (one article per file, UTF-8),
sorted by path as `toolkit run` sorts them, so partitions follow the order of a plain run.
Everything after `--` is passed to both `toolkit run` and `toolkit merge` (--set, --plugin, ...).
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time

JSON_LINES = (".jsonl", ".ndjson")
TEXT = (".txt",)
UNSUPPORTED = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".warc", ".warc.gz")


def parse_arguments(argv):
    passthrough = []
    if "--" in argv:
        cut = argv.index("--")
        argv, passthrough = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("script", help="the Lua script (its reports must all have merge)")
    parser.add_argument("corpus", nargs="+", help="files or folders: *.jsonl, *.ndjson, *.txt; any Hadoop path")
    parser.add_argument("--out", default="out", help="folder the reports' finish writes into, on the driver (default: out)")
    parser.add_argument("--toolkit", default="toolkit",
                        help="the toolkit binary on every node: a path, or a name on PATH (default: toolkit)")
    parser.add_argument("--master", default=None, help="Spark master when not run by spark-submit, like local[2]")
    parser.add_argument("--partitions", type=int, default=0,
                        help="at least this many partitions of the JSON Lines (default: Spark's split of the files)")
    parser.add_argument("--fan-in", type=int, default=8, help="states merged by one toolkit merge (default: 8)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="--jobs of each toolkit run: cores one Spark task uses (default: 1, one per task)")
    options = parser.parse_args(argv)
    if options.fan_in < 2:
        parser.error("--fan-in must be at least 2")
    options.passthrough = passthrough
    return options


def fail(message):
    print(f"toolkit_spark: {message}", file=sys.stderr)
    sys.exit(2)


def list_inputs(sc, arguments):
    """The corpus's files through Hadoop's file systems, sorted by path within each argument as
    toolkit run sorts a folder; arguments keep their order."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    inputs = []
    for argument in arguments:
        path = jvm.org.apache.hadoop.fs.Path(argument)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            fail(f"{argument}: no such file or folder")
        if fs.getFileStatus(path).isFile():
            found = [(fs.getFileStatus(path).getPath().toString(), fs.getFileStatus(path).getLen())]
        else:
            found = []
            walk = fs.listFiles(path, True)
            while walk.hasNext():
                status = walk.next()
                name = status.getPath().toString()
                relative = name[len(fs.getFileStatus(path).getPath().toString()):]
                if any(part.startswith(".") for part in relative.split("/") if part):
                    continue
                found.append((name, status.getLen()))
            found.sort()
        for name, size in found:
            lower = name.lower()
            if lower.endswith(JSON_LINES):
                inputs.append(("jsonl", name, size))
            elif lower.endswith(TEXT):
                inputs.append(("txt", name, size))
            elif lower.endswith(UNSUPPORTED):
                fail(f"{name}: web pages and WARC files are not read by the Spark driver; "
                     "run toolkit on them, or give their text as JSON Lines")
            elif found == [(name, size)] and fs.getFileStatus(path).isFile():
                fail(f"{name}: not *.jsonl, *.ndjson or *.txt")
    if not inputs:
        fail(f"{' '.join(arguments)}: no *.jsonl, *.ndjson or *.txt files")
    return inputs


def text_record(pair):
    """A .txt file as the JSON Lines record toolkit reads the same text from (UTF-8 only)."""
    name, content = pair
    try:
        text = bytes(content).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{name}: not UTF-8 ({error}); the Spark driver reads UTF-8 text files only: "
                         "convert it with iconv, or run toolkit on it") from None
    return json.dumps({"text": text.lstrip("\ufeff")}, ensure_ascii=False)


def articles_rdd(sc, inputs, partitions):
    """One RDD of JSON Lines in corpus order: a union keeps the order of its parts' partitions."""
    total = sum(size for _, _, size in inputs) or 1
    parts, texts = [], []

    def flush_texts():
        # Consecutive text files in one read, put back in path order (binaryFiles promises none).
        if texts:
            parts.append(sc.binaryFiles(",".join(texts)).sortByKey().map(text_record))
            texts.clear()

    for kind, name, size in inputs:
        if kind == "txt":
            texts.append(name)
            continue
        flush_texts()
        split = max(1, -(-partitions * size // total)) if partitions else None
        parts.append(sc.textFile(name, split) if split else sc.textFile(name))
    flush_texts()
    return sc.union(parts) if len(parts) > 1 else parts[0]


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_toolkit(arguments, stdin_lines=None, cpu=None):
    """Runs toolkit; its standard error goes to this process's (the task's log); a failure raises
    with its last lines. Its CPU seconds are added to the accumulator `cpu`."""
    before = children_cpu_seconds()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(arguments, stdin=subprocess.PIPE if stdin_lines is not None else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=err)
        if stdin_lines is not None:
            drained = []
            reader = threading.Thread(target=lambda: drained.append(process.stdout.read()))
            reader.start()
            try:
                for line in stdin_lines:
                    process.stdin.write(line.encode("utf-8"))
                    process.stdin.write(b"\n")
            except BrokenPipeError:
                pass
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass
            reader.join()
            stdout = drained[0] if drained else b""
        else:
            stdout = process.stdout.read()
        status = process.wait()
        if cpu is not None:
            cpu.add(children_cpu_seconds() - before)
        err.seek(0)
        messages = err.read().decode("utf-8", "replace")
    if messages:
        sys.stderr.write(messages)
    if status != 0:
        tail = "\n".join(messages.strip().splitlines()[-5:])
        raise RuntimeError(f"{' '.join(arguments[:3])} exited {status}: {tail}")
    return stdout


def task_failure(error):
    """The one line of a failed task: what toolkit said, not the JVM's stack traces."""
    lines = str(error).splitlines()
    said = [line for line in lines if "RuntimeError:" in line or "ValueError:" in line]
    return said[0].split("Error: ", 1)[1] if said else (lines[0] if lines else repr(error))


def main(argv):
    options = parse_arguments(argv)
    try:
        return run(options)
    except Exception as error:  # Py4JJavaError, whose text holds the task's Python exception
        if type(error).__name__ != "Py4JJavaError":
            raise
        print(f"toolkit_spark: a Spark task failed: {task_failure(error)}", file=sys.stderr)
        return 1


def preflight(options):
    """The map half on no article, here, before Spark starts: a script that does not load, a
    report without merge, a wrong --set fail at once with toolkit's own message."""
    with tempfile.TemporaryDirectory(prefix="toolkit-check-") as work:
        try:
            check = subprocess.run([options.toolkit, "run", options.script, "-", "--map-state", os.path.join(work, "s.json"),
                                    "--out", os.path.join(work, "out")] + options.passthrough,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except FileNotFoundError:
            fail(f"{options.toolkit}: no such toolkit binary; give its path with --toolkit")
    if check.returncode != 0:
        said = [line for line in check.stderr.decode("utf-8", "replace").splitlines() if not line.endswith("empty file; skipped")]
        sys.stderr.write("\n".join(said) + "\n")
        sys.exit(check.returncode)


def run(options):
    from pyspark import SparkConf, SparkContext, SparkFiles, StorageLevel

    if not os.path.isfile(options.script):
        fail(f"{options.script}: no such script")
    preflight(options)
    conf = SparkConf().setAppName(f"toolkit {os.path.basename(options.script)}").set("spark.ui.showConsoleProgress", "false")
    if options.master:
        conf.setMaster(options.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    started = time.monotonic()

    # The script reaches every executor through Spark; the binary is on each node (--toolkit).
    sc.addFile(os.path.abspath(options.script))
    script_name = os.path.basename(options.script)
    toolkit, jobs, extra, fan_in = options.toolkit, options.jobs, options.passthrough, options.fan_in
    map_cpu, merge_cpu = sc.accumulator(0.0), sc.accumulator(0.0)

    inputs = list_inputs(sc, options.corpus)
    megabytes = sum(size for _, _, size in inputs) / 1e6
    articles = articles_rdd(sc, inputs, options.partitions)
    partitions = articles.getNumPartitions()

    def map_partition(index, lines):
        lines = iter(lines)
        first = next(lines, None)
        if first is None:
            return
        def all_lines():
            yield first
            yield from lines
        with tempfile.TemporaryDirectory(prefix="toolkit-map-") as work:
            state = os.path.join(work, "state.json")
            run_toolkit([toolkit, "run", SparkFiles.get(script_name), "-", "--map-state", state,
                         "--out", os.path.join(work, "out"), "--jobs", str(jobs)] + extra, all_lines(), map_cpu)
            with open(state, encoding="utf-8") as f:
                yield index, f.read()

    def merge_group(group):
        key, members = group
        members = sorted(members)
        if len(members) == 1:
            return key, members[0][1]
        with tempfile.TemporaryDirectory(prefix="toolkit-merge-") as work:
            files = []
            for position, (_, text) in enumerate(members):
                files.append(os.path.join(work, f"{position}.json"))
                with open(files[-1], "w", encoding="utf-8") as f:
                    f.write(text)
            merged = os.path.join(work, "merged.json")
            run_toolkit([toolkit, "merge", SparkFiles.get(script_name)] + files
                        + ["--map-state", merged, "--out", os.path.join(work, "out")] + extra, cpu=merge_cpu)
            with open(merged, encoding="utf-8") as f:
                return key, f.read()

    states = articles.mapPartitionsWithIndex(map_partition).persist(StorageLevel.MEMORY_AND_DISK)
    count = states.count()
    span, levels = partitions, 0
    while span > fan_in:
        previous = states
        states = (states.map(lambda pair: (pair[0] // fan_in, pair)).groupByKey()
                  .map(merge_group).persist(StorageLevel.MEMORY_AND_DISK))
        states.count()
        previous.unpersist()
        span, levels = -(-span // fan_in), levels + 1
    last = sorted(states.collect())
    mapped = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="toolkit-finish-") as work:
        files = []
        for position, (_, text) in enumerate(last):
            files.append(os.path.join(work, f"{position}.json"))
            with open(files[-1], "w", encoding="utf-8") as f:
                f.write(text)
        article_count = sum(int(re.search(r'"articles":(\d+),"printed":', text[:4096]).group(1)) for _, text in last)
        if not files:
            fail("the corpus gave no articles")
        before = children_cpu_seconds()
        result = subprocess.run([toolkit, "merge", options.script] + files + ["--out", options.out] + extra)
        finish_cpu = children_cpu_seconds() - before
    elapsed = time.monotonic() - started
    print(f"toolkit_spark: {article_count} articles, {megabytes:.1f} MB in {partitions} partitions "
          f"({count} with articles), {levels} level(s) of merges on the executors, {len(last)} states merged here; "
          f"{elapsed:.1f} s ({mapped - started:.1f} s to the last states), {megabytes / elapsed:.2f} MB/s",
          file=sys.stderr)
    print(f"toolkit_spark: toolkit CPU time: maps {map_cpu.value:.1f} s ({megabytes / max(map_cpu.value, 1e-9):.2f} MB "
          f"per CPU-second), merges on the executors {merge_cpu.value:.1f} s, final merge and finish {finish_cpu:.1f} s",
          file=sys.stderr)
    sc.stop()
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
