#!/usr/bin/env bash
# Drives Emacs's Eglot in batch mode against coro-tidy --lsp: see
# eglot-code-action.el. Exit 77 (skipped) when Emacs or Debian's elpa-eglot
# is not installed (scripts/setup does not install them: Emacs is large;
# `apt-get install emacs-nox elpa-eglot` to run this test).
# Usage: eglot-code-action.sh <coro-tidy> <folder of eglot-code-action.el>
set -euo pipefail
tool=$1
here=$(cd "$2" && pwd)
if ! command -v emacs >/dev/null || [ ! -d /usr/share/emacs/site-lisp/elpa-src ] ||
   ! ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1; then
  echo "SKIPPED: emacs or elpa-eglot is not installed (apt-get install emacs-nox elpa-eglot)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The project both editor tests open: a coroutine call without co_await.
cp "$here/forgotten-await/task.h" "$here/forgotten-await/handler.cpp" "$work/"
emacs --version | head -1
# HOME: no user configuration, and Emacs's state stays in the temporary folder.
HOME="$work" CORO_TIDY="$tool" LSP_FILE="$work/handler.cpp" \
  timeout 240 emacs --batch -Q -l "$here/eglot-code-action.el" </dev/null
