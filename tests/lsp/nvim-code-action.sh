#!/usr/bin/env bash
# Drives Neovim headless (its built-in LSP client) against coro-tidy --lsp:
# see nvim-code-action.lua. Exit 77 (skipped) only when nvim is missing.
# Usage: nvim-code-action.sh <coro-tidy> <folder of nvim-code-action.lua>
set -euo pipefail
tool=$1
here=$2
if ! command -v nvim >/dev/null; then
  echo "SKIPPED: nvim is not installed (scripts/setup installs Debian's neovim)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The project both editor tests open: a coroutine call without co_await.
cp "$here/forgotten-await/task.h" "$here/forgotten-await/handler.cpp" "$work/"
# Neovim's state, logs and configuration stay in the temporary folder.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
nvim --version | head -1
# clangd on the same buffer when installed (scripts/setup installs
# clangd-19): the way users run coro-tidy.
clangd=$(command -v clangd-19 || command -v clangd || true)
echo "clangd beside coro-tidy: ${clangd:-none (not installed)}"
CLANGD="$clangd" CORO_TIDY="$tool" LSP_FILE="$work/handler.cpp" \
  timeout 240 nvim --headless --clean -c "luafile $here/nvim-code-action.lua" </dev/null
