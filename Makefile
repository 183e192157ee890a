# The two commands a newcomer needs: `make run` and `make test`. Everything the project needs on a
# fresh Debian machine is installed from here.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN := .build/release/toolkit
ASAN_BUILD := .build-asan

# Root installs directly; others go through sudo when there is one.
APT := $(shell if [ "$$(id -u)" = 0 ]; then echo apt-get; elif command -v sudo >/dev/null; then echo sudo apt-get; else echo apt-get; fi)

.PHONY: test-spark spark-java docs train-ner eval-ner bench-export all deps build readers run test test-scripts api-docs sanitize install install-files uninstall bench bench-build bench-table bench-matcher bench-langid bench-annotation bench-pipeline bench-html bench-cache fuzz clean cldr-names date-vocabulary

all: build

deps:
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists lua5.4; then \
		echo "make: installing liblua5.4-dev (Lua 5.4 headers and library) with apt-get"; \
		$(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq liblua5.4-dev pkg-config >/dev/null; \
	fi
	@if ! pkg-config --exists sqlite3; then \
		echo "make: installing libsqlite3-dev (SQLite headers and library, for toolkit.write.sqlite) with apt-get"; \
		$(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq libsqlite3-dev >/dev/null; \
	fi
	@if ! pkg-config --exists libxml-2.0 || ! pkg-config --exists zlib; then \
		echo "make: installing libxml2-dev and zlib1g-dev (the HTML parser and gzip, for web pages and WARC files) with apt-get"; \
		$(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq libxml2-dev zlib1g-dev >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release

# The real readers that check the writers' files in `make test`: the sqlite3 client, headless
# Chromium, and NetworkX (with what else tools/check needs) in a virtual environment of its own.
TEST_VENV := .venv-test
readers: $(TEST_VENV)/bin/python
	@missing=""; for tool in sqlite3 chromium; do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing with apt-get (real readers for the writers' tests)"; \
		$(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq$$missing >/dev/null; \
	fi

$(TEST_VENV)/bin/python: tools/check/requirements.txt
	python3 -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/pip install --quiet -r tools/check/requirements.txt
	@touch $@

run: build
	$(RELEASE_BIN) run scripts/overview.lua

# The build must stay free of warnings: its output is kept and any `warning:` fails the target (a fresh
# clone compiles everything, so every warning shows there; an incremental build shows those of what
# it recompiled, and those of the package layout every time).
test: deps readers
	@set -o pipefail; log=$$(mktemp); \
	$(SWIFT) build --build-tests 2>&1 | tee "$$log"; status=$$?; \
	warnings=$$(grep -c 'warning:' "$$log"); rm -f "$$log"; \
	if [ $$status -ne 0 ]; then exit $$status; fi; \
	if [ "$$warnings" -ne 0 ]; then echo "make: the build printed $$warnings warning line(s), above; make test allows none: fix them" >&2; exit 1; fi
	TOOLKIT_READERS=required $(SWIFT) test --skip-build
	.build/debug/embed-toolkit
	$(MAKE) --no-print-directory test-scripts

# Every example script runs on seeds/ with the debug binary the tests just built.
# The scripts and plugin tests keep their article cache under .build, not in the user's ~/.cache.
test-scripts: export XDG_CACHE_HOME := $(CURDIR)/.build/test-cache
test-scripts:
	@set -e; for script in scripts/*.lua; do \
		echo "== $$script"; \
		.build/debug/toolkit run "$$script" seeds/ --out .build/script-out >/dev/null; \
	done
	@test "$$(sqlite3 .build/script-out/corpus.db 'select count(*) > 0 from mentions m join articles a on a.id = m.article_id')" = 1 \
		|| { echo "make: scripts/export.lua wrote no joinable mentions into .build/script-out/corpus.db" >&2; exit 1; }
	@if [ -f tools/kbgen/validate.py ]; then python3 tools/kbgen/validate.py Plugins/world/kb; fi
	@# Each bundled plugin's own tests (tests/*.lua with toolkit.test), the plugin's folder searched first.
	@set -e; for plugin in Plugins/*/; do \
		echo "== toolkit plugins test $$(basename $$plugin)"; \
		.build/debug/toolkit plugins test "$$(basename $$plugin)" --plugin "$$plugin"; \
	done

# docs/lua-api.md and types/toolkit.lua (LuaLS stubs) from the API's declarations in
# Sources/Toolkit/API; APIReferenceTests fails when the committed files differ from what they give.
api-docs: deps
	$(SWIFT) build --product toolkit
	.build/debug/toolkit api --format markdown > docs/lua-api.md
	@mkdir -p types
	.build/debug/toolkit api --format luals > types/toolkit.lua

# The reference of the Swift API (Toolkit and NewsKit, from their DocC catalogues and doc comments) as
# two DocC archives in .build/docs: open them with `xcrun docc preview` or serve them as static sites.
DOCS_OUT := .build/docs
docs: deps
	@mkdir -p $(DOCS_OUT)
	@set -e; for target in Toolkit NewsKit; do \
		$(SWIFT) package --allow-writing-to-directory $(DOCS_OUT) generate-documentation --target $$target \
			--disable-indexing --transform-for-static-hosting --output-path $(DOCS_OUT)/$$target.doccarchive; \
	done

# The bridge tests under AddressSanitizer: a longjmp across a Swift frame or a leak of a released
# box shows up here. SwiftPM 6.3 cannot rebuild a sanitized scratch folder incrementally
# ("unknown build description"), so it starts clean.
sanitize: deps
	rm -rf $(ASAN_BUILD)
	LSAN_OPTIONS=suppressions=$(CURDIR)/.lsan-suppressions $(SWIFT) test --scratch-path $(ASAN_BUILD) --sanitize=address --filter LuaBridgeTests

# Shell completion (generated by the binary: subcommands, options, and the plugins' report names and
# plugin names, read from their manifests when completing) goes where each shell looks under PREFIX.
BASH_COMPLETION_DIR = $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR = $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR = $(PREFIX)/share/fish/vendor_completions.d

install: build
	@$(MAKE) --no-print-directory install-files FROM=$(dir $(RELEASE_BIN))

# The installed layout: the binary beside its resource bundles (NewsKit's data; BundledData's sample
# corpus and plugins, which the binary finds through the bin/ link) in lib/toolkit. FROM is the build
# folder; the tests install their debug build this way. A reinstall starts clean, so that a plugin
# file removed from Plugins/ is not left behind and loaded.
install-files:
	@test -x "$(FROM)/toolkit" || { echo "make: no toolkit binary in FROM=$(FROM); run make install (or build first)" >&2; exit 2; }
	rm -rf $(PREFIX)/lib/toolkit
	install -d $(PREFIX)/lib/toolkit $(PREFIX)/bin
	install -m 755 $(FROM)/toolkit $(PREFIX)/lib/toolkit/toolkit
	cp -R $(FROM)/*.resources $(PREFIX)/lib/toolkit/
	ln -sf ../lib/toolkit/toolkit $(PREFIX)/bin/toolkit
	install -d $(BASH_COMPLETION_DIR) $(ZSH_COMPLETION_DIR) $(FISH_COMPLETION_DIR)
	$(FROM)/toolkit --generate-completion-script bash > $(BASH_COMPLETION_DIR)/toolkit
	$(FROM)/toolkit --generate-completion-script zsh > $(ZSH_COMPLETION_DIR)/_toolkit
	$(FROM)/toolkit --generate-completion-script fish > $(FISH_COMPLETION_DIR)/toolkit.fish
	@echo "installed $(PREFIX)/bin/toolkit and its bash, zsh and fish completions"

uninstall:
	rm -rf $(PREFIX)/lib/toolkit $(PREFIX)/bin/toolkit
	rm -f $(BASH_COMPLETION_DIR)/toolkit $(ZSH_COMPLETION_DIR)/_toolkit $(FISH_COMPLETION_DIR)/toolkit.fish

# Benchmarks: release builds, one core each, Python peers installed into a local virtual environment
# and run on the same data in the same run. Figures go to stdout; nothing is asserted.
BENCH_VENV := .venv-bench
BENCH_BIN := .build/release/toolkit-bench

$(BENCH_VENV)/bin/python: tools/langid/requirements-peers.txt tools/bench/html-requirements.txt tools/bench/peer-requirements.txt
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet pyahocorasick
	$(BENCH_VENV)/bin/pip install --quiet -r tools/langid/requirements-peers.txt
	$(BENCH_VENV)/bin/pip install --quiet -r tools/bench/html-requirements.txt
	$(BENCH_VENV)/bin/pip install --quiet -r tools/bench/peer-requirements.txt
	@touch $@

bench-build: deps
	$(SWIFT) build -c release --product toolkit-bench

bench-matcher: bench-build $(BENCH_VENV)/bin/python
	$(BENCH_BIN) matcher --mb 200

bench-langid: bench-build $(BENCH_VENV)/bin/python
	$(BENCH_BIN) langid --corpus ../shared/corpus

# Where annotation time goes, stage by stage (1,200 corpus articles, one core).
bench-annotation: bench-build
	$(BENCH_BIN) annotation ../shared/corpus 1200

# The real commands end to end on the corpus (three copies): articles/s, MB/s, peak memory.
bench-pipeline: build
	python3 tools/bench/pipeline.py $(RELEASE_BIN) ../shared/corpus 3

# Peak memory on a 100 MB article and a 10 MB line beside a tiny one (issue 7: under 3x the input).
bench-large: build
	python3 tools/bench/large_input.py $(RELEASE_BIN) ../shared/corpus

# scripts/export.lua streams the whole corpus into SQLite: wall time, peak memory, rows sqlite3 reads back.
bench-export: build
	@rm -rf .build/bench-export
	@/usr/bin/time -f "export.lua: %e s wall, %M KiB peak RSS" $(RELEASE_BIN) run scripts/export.lua ../shared/corpus --out .build/bench-export
	@sqlite3 .build/bench-export/corpus.db "select 'sqlite3 reads ' || (select count(*) from articles) || ' articles, ' || (select count(*) from mentions) || ' mentions'"

# Issue 13: a report run split by Apache Spark gives the plain run's files byte for byte. PySpark in
# a virtual environment of its own, Java 17 from Debian, the release binary; scripts/cooccurrence.lua
# over ../shared/corpus on Spark local[2] (tools/spark/test_spark.py). Minutes, so not in make test;
# .ci/run calls it after make test. Skipped with a message when ../shared/corpus is absent.
SPARK_VENV := .venv-spark

$(SPARK_VENV)/bin/python: tools/spark/requirements.txt
	python3 -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/pip install --quiet -r tools/spark/requirements.txt
	@touch $@

spark-java:
	@if ! command -v java >/dev/null; then \
		echo "make: installing openjdk-17-jre-headless (Java for Spark) with apt-get"; \
		$(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq openjdk-17-jre-headless >/dev/null; \
	fi

test-spark:
	@if [ ! -d ../shared/corpus ]; then echo "make test-spark: skipped: ../shared/corpus is absent (the test compares a Spark run with a plain run on it)"; exit 0; fi; \
	set -e; $(MAKE) --no-print-directory build spark-java $(SPARK_VENV)/bin/python; \
	$(SPARK_VENV)/bin/python tools/spark/test_spark.py --toolkit $(RELEASE_BIN) --corpus ../shared/corpus

# Main-text extraction of web pages: ../shared/html-dev (949 pages with segments the text must and must
# not hold) beside trafilatura in the same run; precision, recall and F1 on a report half (odd positions by
# file name) and the dev half the extractor was tuned on, and pages per second of both on one core.
bench-html: bench-build $(BENCH_VENV)/bin/python
	python3 tools/bench/html_extraction.py $(BENCH_BIN) ../shared/html-dev --peer-python $(BENCH_VENV)/bin/python

# The article cache: people.lua over the corpus without it, with an empty one (cold) and with the one
# that run filled (warm); and the start-up time of an empty script with the bundled plugins.
bench-cache: build
	python3 tools/bench/cache.py $(RELEASE_BIN) ../shared/corpus

# Issue 13's one table: parse only, people.lua (all cores and one, no cache, cold and warm cache) and the
# Python peer pipeline on the same data at 50, 200 and 500 MB, with MB/s, articles/s, busy cores, peak
# RSS and the ratio to the peer. BENCH_SIZES=50 for a quick look.
BENCH_SIZES ?= 50,200,500
bench-table: build $(BENCH_VENV)/bin/python
	python3 tools/bench/table.py $(RELEASE_BIN) ../shared/corpus --peer-python $(BENCH_VENV)/bin/python --sizes $(BENCH_SIZES)

bench: bench-table bench-matcher bench-langid bench-annotation bench-pipeline bench-large bench-export bench-html bench-cache

# The month and weekday names of every ICU locale, read at start instead of asking ICU (about a
# CPU-second per process): rewritten from this machine's ICU; make test fails when they differ.
cldr-names: deps
	CLDR_NAMES_UPDATE=1 $(SWIFT) test --filter CLDRDateNamesTests/testTheBundledNamesAreICUsNames

# The compiled date vocabulary (Sources/NewsKit/Resources/dates/date-vocabulary.bin) from the bundled
# names and date words; run after either changes (DateVocabularyFileTests fails until then).
date-vocabulary: deps
	DATE_VOCABULARY_UPDATE=1 $(SWIFT) test --filter DateVocabularyFileTests/testTheBundledFileIsWhatTheSourcesCompileTo

# The name tagger's weights (Plugins/ner/tagger/*.tagger) rebuilt from ../shared/train (Swahili and
# Persian, annotated) and ../shared/corpus (Arabic and English, labelled by the knowledge base and
# rules), then each language's development-split figures and tagging speed (release, one core).
TRAIN_BIN := .build/release/toolkit-train

train-ner: deps
	$(SWIFT) build -c release --product toolkit-train
	$(TRAIN_BIN) train --train ../shared/train --corpus ../shared/corpus

# The same figures for the weights as they are, without training, and the person-recall proxy on
# news: how many of the people the knowledge base finds in corpus articles are still found with it
# withheld (by the rules, by the rules and the tagger).
eval-ner: deps
	$(SWIFT) build -c release --product toolkit-train
	$(TRAIN_BIN) eval --train ../shared/train --corpus ../shared/corpus
	$(TRAIN_BIN) recall --train ../shared/train --corpus ../shared/corpus

# libFuzzer targets (Fuzz/, a package of its own so the normal build never sees them), built with
# AddressSanitizer and run one after the other for FUZZ_SECONDS each from seeds/ and a sample of
# ../shared/corpus. Corpora and crash inputs go to $(FUZZ_WORK); a crash stops the target with the
# input's path (add it as a regression test). lld links them: gold fails on the instrumented objects.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := Fuzz/.build
FUZZ_WORK := .build-fuzz
FUZZ_TARGETS := FuzzJSONLines FuzzArticleParser FuzzLanguage FuzzDates

fuzz: deps
	$(SWIFT) build --package-path Fuzz --scratch-path $(FUZZ_BUILD) -c release \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	python3 Fuzz/seeds.py $(FUZZ_WORK)/seeds ../shared/corpus
	@set -e; for target in $(FUZZ_TARGETS); do \
		echo "== $$target ($(FUZZ_SECONDS) s)"; \
		mkdir -p $(FUZZ_WORK)/$$target/corpus $(FUZZ_WORK)/$$target/crashes; \
		$(FUZZ_BUILD)/release/$$target -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=4096 \
			-max_len=8192 -print_final_stats=1 -artifact_prefix=$(FUZZ_WORK)/$$target/crashes/ \
			$(FUZZ_WORK)/$$target/corpus $(FUZZ_WORK)/seeds/$$target; \
	done

clean:
	rm -rf .build $(ASAN_BUILD) out
