# The two commands of the README: `make samples` (the main job) and `make test`.
SWIFT ?= swift
PY := $(shell [ -x .venv-tools/bin/python ] && echo .venv-tools/bin/python || echo python3)

.PHONY: samples test bootstrap release bench spark html-bench

bootstrap:
	@scripts/bootstrap.sh

# On Linux the release binary links the Swift runtime and Foundation in: it starts in 44 ms
# instead of 51 (no loading of a dozen Swift libraries) and runs on a machine without a
# Swift toolchain, such as a cluster node, with only libxml2, libstdc++ and libc from the system.
STATIC := $(shell [ "$$(uname -s)" = Linux ] && echo --static-swift-stdlib)

release: bootstrap
	$(SWIFT) build -c release --product claimex $(STATIC)

# Tags every brief in samples/ (text and HTML editions) into output/samples.jsonl.
samples: release
	.build/release/claimex extract samples --all-sentences -o output/samples.jsonl

# Unit, golden and schema tests, then every rule's embedded examples.
test: bootstrap
	$(SWIFT) build --product claimex
	$(SWIFT) test --disable-swift-testing
	.build/debug/claimex test --rules rules
	.build/debug/claimex extract samples --all-sentences --quiet -o .build/samples-check.jsonl
	$(eval PY := $(shell [ -x .venv-tools/bin/python ] && echo .venv-tools/bin/python || echo python3))
	$(PY) scripts/check-schema.py output/record.schema.json .build/samples-check.jsonl
	cmp .build/samples-check.jsonl output/samples.jsonl

bench: release
	scripts/bench.py

# Main-content extraction on the article-extraction benchmark (../shared/corpora), scored
# among the published extractors and timed against trafilatura (PyPI, in a venv).
html-bench: release
	scripts/html-bench.py

# The Spark recipe end to end (pyspark from PyPI, local mode; needs Java).
spark: release
	scripts/spark/run.sh
