#!/usr/bin/env bash
# Regenerates the DORA reference sets used by the dora module's tests:
#   dora/src/test/resources/reference/<name>.jsonl.gz       events from dora_gen.py
#   dora/src/test/resources/reference/<name>.<window>.json  dora_ref.py output for that window
#   dora/src/test/resources/reference/sets.tsv              the manifest the tests read
# Needs python3 (standard library only). Run from anywhere; SHARED overrides the shared folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${SHARED:-$root/../shared}"
oracle="$shared/oracle/dora"
out="$root/dora/src/test/resources/reference"
mkdir -p "$out"
rm -f "$out"/*.jsonl.gz "$out"/*.json "$out/sets.tsv"

# name events seed extra-generator-args
sets=(
  "gen-s1-n500 500 1"
  "gen-s2-n1000 1000 2"
  "gen-s3-n2000 2000 3"
  "gen-s4-n3000 3000 4"
  "gen-s5-n5000 5000 5"
  "gen-s6-n5000-dense 5000 6 --services 2"
  "gen-s7-n8000 8000 7 --services 12 --days 120"
  "gen-s8-n10000 10000 8 --start 2024-02-26"
  "gen-s9-n4000-few 4000 9 --services 1"
  "gen-s42-n1000 1000 42"
)
# window-name from to ("" = the reference's default window)
windows=(
  "default  "
  "w28 2024-01-08 2024-02-05"
  "w27 2024-01-03 2024-01-30"
  "w91 2024-01-01 2024-04-01"
  "w35late 2024-03-04 2024-04-08"
)

printf 'set\twindow\tfrom\tto\n' > "$out/sets.tsv"
for s in "${sets[@]}"; do
  read -r name events seed extra <<<"$s"
  # shellcheck disable=SC2086
  python3 "$oracle/dora_gen.py" --events "$events" --seed "$seed" $extra --out "$out/$name.jsonl.gz" 2>/dev/null
  for w in "${windows[@]}"; do
    read -r wname from to <<<"$w"
    args=()
    if [ -n "${from:-}" ]; then args=(--from "$from" --to "$to"); fi
    python3 "$oracle/dora_ref.py" "$out/$name.jsonl.gz" "${args[@]}" -o "$out/$name.$wname.json"
    printf '%s\t%s\t%s\t%s\n' "$name" "$wname" "${from:-}" "${to:-}" >> "$out/sets.tsv"
  done
done
echo "wrote $(ls "$out" | wc -l) files to $out"
