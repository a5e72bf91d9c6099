#!/usr/bin/env bash
# Checks (and on Debian/Ubuntu installs) what claimex needs on a fresh machine:
# the Swift toolchain, pkg-config and libxml2's headers, poppler-utils (pdftohtml, run by
# claimex to read PDFs; pdfinfo for the PDF benchmark), and python3 with jsonschema for
# the schema check. Safe to run again: it only acts on what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
pkg-config --exists libxml-2.0 2>/dev/null || need_apt+=(libxml2-dev)
command -v pdftohtml >/dev/null || need_apt+=(poppler-utils)
command -v python3 >/dev/null || need_apt+=(python3 python3-venv)
# WordNet's database, read by claimex-train (the tagger model's parts of speech for unknown
# words) and by the test that retrains the model.
[ -f /usr/share/wordnet/index.noun ] || need_apt+=(wordnet-base)
# Headless Chromium for the review page's browser test (scripts/browser-test.py).
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || need_apt+=(chromium fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "bootstrap: installing ${need_apt[*]}" >&2
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "bootstrap: please install: ${need_apt[*]} (libxml2 development files, pkg-config, poppler-utils)" >&2
    exit 1
  fi
fi
command -v swift >/dev/null || { echo "bootstrap: Swift 6 toolchain not found (swift.org/install)" >&2; exit 1; }

# jsonschema for scripts/check-schema.py, in a private venv unless python already has it
if ! python3 -c 'import jsonschema' 2>/dev/null && ! [ -x .venv-tools/bin/python ]; then
  python3 -m venv .venv-tools && .venv-tools/bin/pip install -q 'jsonschema>=4.18'
fi
