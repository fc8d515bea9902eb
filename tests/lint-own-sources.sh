#!/usr/bin/env bash
# clang-tidy-19 with the project's own .clang-tidy (checks/.clang-tidy,
# which driver/.clang-tidy links to) over a few of coro-tidy's sources:
# llvm-* and readability-* findings are errors. The list is short so the
# test takes seconds of CPU (each file parses LLVM's headers); extend it
# as files are cleaned.
#
#   lint-own-sources.sh <clang-tidy-19 or ""> <build dir> <source dir> <files...>
#
# Exit 77 (skipped) without clang-tidy-19.
set -euo pipefail
clang_tidy=$1 build=$2 src=$3
shift 3
if [ -z "$clang_tidy" ]; then
  echo "lint-own-sources: clang-tidy-19 is not installed"
  exit 77
fi
cd "$src"
for file in "$@"; do
  # The file must be under the project's configuration, not clang-tidy's
  # defaults (which would pass without checking anything of ours).
  config=$("$clang_tidy" --dump-config "$file" 2>/dev/null)
  if ! grep -q 'readability-identifier-naming.ClassCase' <<<"$config"; then
    echo "lint-own-sources: $file is not under checks/.clang-tidy" >&2
    exit 1
  fi
done
"$clang_tidy" -p "$build" --quiet "$@"
echo "lint-own-sources: $# files clean"
