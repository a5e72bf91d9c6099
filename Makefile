# The two commands of the README: `make samples` (the main job) and `make test`.
SWIFT ?= swift
PY := $(shell [ -x .venv-tools/bin/python ] && echo .venv-tools/bin/python || echo python3)

.PHONY: samples test bootstrap release bench spark fuzz stress screenshot eval probes tagger-model tagger-model-check tagger-eval quantities-bench pdf-bench sample-pdfs html-bench

bootstrap:
	@scripts/bootstrap.sh

# On Linux the release binary links the Swift runtime and Foundation in: it starts in 44 ms
# instead of 51 (no loading of a dozen Swift libraries) and runs on a machine without a
# Swift toolchain, such as a cluster node, with only libxml2, libstdc++ and libc from the system.
STATIC := $(shell [ "$$(uname -s)" = Linux ] && echo --static-swift-stdlib)

release: bootstrap
	$(SWIFT) build -c release --product claimex $(STATIC)

# Tags every brief in samples/ (text, HTML and PDF editions) into output/samples.jsonl.
samples: release
	.build/release/claimex extract samples --all-sentences -o output/samples.jsonl

# Unit, golden and schema tests, then every rule's embedded examples.
test: bootstrap
	$(SWIFT) build --product claimex
	$(SWIFT) build --product claimex-train
	$(SWIFT) test --disable-swift-testing
	.build/debug/claimex test --rules rules
	.build/debug/claimex extract samples --all-sentences --quiet -o .build/samples-check.jsonl
	$(eval PY := $(shell [ -x .venv-tools/bin/python ] && echo .venv-tools/bin/python || echo python3))
	$(PY) scripts/check-schema.py output/record.schema.json .build/samples-check.jsonl
	cmp .build/samples-check.jsonl output/samples.jsonl
	$(PY) scripts/browser-test.py --claimex .build/debug/claimex

bench: release
	scripts/bench.py

# claimex's figures against quantulum3 (PyPI, in .venv-quantities): the quantity parser's
# test sentences and the figure units of the development briefs (docs/quantities.md).
quantities-bench: release
	scripts/quantities-bench.py

# PDF ingest pages/s against pdfminer.six (PyPI, in .venv-pdf) on the sample PDFs.
pdf-bench: release
	scripts/pdf-bench.py

# Remakes samples/*.pdf from the text editions (reportlab and pyphen from PyPI, in .venv-pdf).
sample-pdfs:
	$(SWIFT) build --product claimex
	scripts/make-sample-pdfs.py

# Main-content extraction on the article-extraction benchmark (../shared/corpora), scored
# among the published extractors and timed against trafilatura (PyPI, in a venv).
html-bench: release
	scripts/html-bench.py

# The Spark recipe end to end (pyspark from PyPI, local mode; needs Java).
spark: release
	scripts/spark/run.sh

# libFuzzer on the text and HTML readers, the segmenter and the pattern compiler,
# FUZZ_SECONDS each (scripts/fuzz.sh).
FUZZ_SECONDS ?= 60
fuzz: bootstrap
	scripts/fuzz.sh $(FUZZ_SECONDS)

# Hostile input and careless use (big files, no sentence ends, kill and resume, concurrent
# -o, Ctrl-C, nested repetitions, a huge title): a table of time, memory and outcome.
stress: release
	$(PY) scripts/stress.py

# Re-takes docs/report.png (the README's picture of the sample report) in headless Chromium.
screenshot:
	$(SWIFT) build --product claimex
	$(PY) scripts/browser-test.py --claimex .build/debug/claimex --screenshot docs/report.png

# Seeds, half A, half B and all 18 development briefs side by side (docs/evaluation.md).
# BIN=path picks the binary; otherwise the release build if current, else the debug one.
eval:
	$(SWIFT) build --product claimex
	$(PY) scripts/eval.py $(if $(BIN),--bin $(BIN)) --goals

# The probe sets (eval/probes-*/): sentences written to show each construction of a tag,
# counted per set (coverage of the classes, not a held-out score; docs/evaluation.md).
probes: release
	$(PY) scripts/probes.py --all

# The tagger's model (Sources/TaggerModelData/model): trained from the English Web Treebank's
# train split, deterministically. `tagger-model-check` retrains into .build/ and compares byte
# for byte (about 20 s in a release build; `make test` does the same in debug).
EWT ?= ../shared/corpora/ud-english-ewt
# WordNet 3.0's database (Debian's wordnet-base, installed by scripts/bootstrap.sh): parts of
# speech for words the treebank lacks.
WORDNET ?= /usr/share/wordnet
TAGGER_MODEL := Sources/TaggerModelData/model/ewt-tagger.bin
LEMMA_FORMS := Sources/TaggerModelData/model/ewt-lemma-forms.txt

tagger-model:
	$(SWIFT) build -c release --product claimex-train
	gzip -dc $(EWT)/en_ewt-ud-train.conllu.gz | .build/release/claimex-train --wordnet $(WORDNET) --lemma-forms $(LEMMA_FORMS) -o $(TAGGER_MODEL)

tagger-model-check:
	$(SWIFT) build -c release --product claimex-train
	gzip -dc $(EWT)/en_ewt-ud-train.conllu.gz | .build/release/claimex-train --wordnet $(WORDNET) --lemma-forms .build/ewt-lemma-forms-check.txt -o .build/ewt-tagger-check.bin
	cmp .build/ewt-tagger-check.bin $(TAGGER_MODEL) && cmp .build/ewt-lemma-forms-check.txt $(LEMMA_FORMS) && echo "tagger model and lemma forms: reproduced byte for byte"

# UPOS, Penn tag and lemma scores on the treebank's test split (CoNLL 2018 measure), and on
# the hand-tagged sample-brief tokens.
tagger-eval: release
	$(PY) scripts/tagger-accuracy.py --claimex .build/release/claimex --treebank $(EWT)/en_ewt-ud-test.conllu.gz
