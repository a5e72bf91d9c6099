#!/usr/bin/env bash
# libFuzzer over the stages that read untrusted bytes (issue 18): the plain-text reader, the
# HTML reader, the segmenter and the pattern parser/compiler (with the matcher).
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (default: 60 s each; text html segment pattern)
#
# Builds Sources/claimex-fuzz with -sanitize=fuzzer in its own scratch folder (.build/fuzz),
# seeds each target's corpus from samples/ and rules/ (.build/fuzz-corpus/TARGET, kept
# between runs so coverage accumulates), and runs each for SECONDS. A crash, a hang (over
# 10 s for one input) or 2 GB of memory stops a target; its input is saved as
# .build/fuzz-artifacts/TARGET-crash-… and the script exits 1. Replay one with a plain build:
#   swift build --product claimex-fuzz && CLAIMEX_FUZZ=TARGET .build/debug/claimex-fuzz FILE
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html segment pattern)

swift build -c release --product claimex-fuzz --scratch-path .build/fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld  # gold crashes linking it
bin=.build/fuzz/release/claimex-fuzz

# Seeds: the samples cut into 4 kB pieces (libFuzzer mutates small inputs best), every rule's
# pattern, one a file.
seed() {
  local dir=.build/fuzz-corpus/$1
  [ -d "$dir" ] && return
  mkdir -p "$dir"
  case $1 in
    text|segment) for f in samples/*.txt; do split -b 4096 -d "$f" "$dir/$(basename "$f" .txt)-"; done ;;
    html) for f in samples/*.html; do split -b 4096 -d "$f" "$dir/$(basename "$f" .html)-"; done ;;
    pattern)
      python3 - "$dir" <<'PY'
import os, re, sys
patterns = []
for root, _, files in os.walk("rules"):
    for name in sorted(files):
        if not name.endswith((".yaml", ".yml")):
            continue
        text = open(os.path.join(root, name), encoding="utf-8").read()
        try:  # PyYAML when there is one; else the one-line patterns
            import yaml
            for rule in (yaml.safe_load(text) or {}).get("rules", []):
                patterns += [rule.get("pattern", "")] + list(rule.get("unless", []) or [])
        except ImportError:
            patterns += [m.replace("''", "'") for m in re.findall(r"^\s*pattern:\s*'(.*)'\s*$", text, re.M)]
for n, p in enumerate(p for p in patterns if isinstance(p, str) and p):
    open(os.path.join(sys.argv[1], f"p{n:04d}"), "w", encoding="utf-8").write(p)
PY
      ;;
  esac
}

mkdir -p .build/fuzz-artifacts
status=0
for t in "${targets[@]}"; do
  seed "$t"
  echo "fuzz: $t for ${secs}s"
  if ! CLAIMEX_FUZZ=$t "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -print_final_stats=1 -artifact_prefix=".build/fuzz-artifacts/$t-" ".build/fuzz-corpus/$t" 2> ".build/fuzz-$t.log"; then
    echo "fuzz: $t FOUND A PROBLEM (see .build/fuzz-$t.log and .build/fuzz-artifacts/)"
    tail -30 ".build/fuzz-$t.log"
    status=1
  else
    grep -E '^stat::(number_of_executed_units|new_units_added)' ".build/fuzz-$t.log" | tr '\n' ' '; echo
  fi
done
exit $status
