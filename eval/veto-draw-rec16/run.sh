#!/bin/bash
# run.sh RULES OUTPREFIX
R=$1; O=$2; B=/work/bin/claimex-r17
nice $B extract --rules $R --all-sentences --profile lean -j 1 -q --files-from /tmp/rec16/un-dev.txt -o $O-un.jsonl
nice $B extract --rules $R --all-sentences --profile lean -j 1 -q --input-format jsonl /tmp/rec16/news.jsonl -o $O-news.jsonl
nice $B extract --rules $R --all-sentences --profile lean -j 1 -q $(cat /tmp/rec16/halfA.txt) /work/wt-rec16/samples/*.txt /work/wt-rec16/eval/commentary/*.txt /work/wt-rec16/eval/news-recfig/*.txt -o $O-other.jsonl
