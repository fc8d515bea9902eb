-- Neovim's built-in LSP client against `coro-tidy --lsp`, as a user would
-- use it: open a file with a missing co_await, wait for the diagnostic,
-- apply the server's code action, and check the buffer (and that the
-- re-check of the edited buffer clears the finding), with clangd beside it
-- when CLANGD names it.
-- Written for Neovim 0.7 (Debian 12) and later: vim.lsp.start_client.
local tool, file = os.getenv('CORO_TIDY'), os.getenv('LSP_FILE')
-- With CLANGD set, clangd runs on the same buffer, as in a user's setup.
local clangd = os.getenv('CLANGD')

local function finish(code, message)
  io.stderr:write(message .. '\n')
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  os.exit(code)
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'coro-tidy',
  cmd = { tool, '--lsp' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client_id then finish(1, 'FAIL: the client did not start coro-tidy --lsp') end
vim.lsp.buf_attach_client(buf, client_id)
local clangd_id
if clangd and clangd ~= '' then
  clangd_id = vim.lsp.start_client({ name = 'clangd', cmd = { clangd },
                                     root_dir = vim.fn.fnamemodify(file, ':h') })
  if not clangd_id then finish(1, 'FAIL: clangd did not start') end
  vim.lsp.buf_attach_client(buf, clangd_id)
end
-- coro-tidy's diagnostics only: clangd publishes its own.
local ns = vim.lsp.diagnostic.get_namespace(client_id)
local function ours() return vim.diagnostic.get(buf, { namespace = ns }) end

if not vim.wait(120000, function() return #ours() > 0 end, 100) then
  finish(1, 'FAIL: no diagnostic from coro-tidy --lsp')
end
local d = ours()[1]
if d.source ~= 'coro-tidy' or not d.message:find('never awaited') then
  finish(1, 'FAIL: unexpected diagnostic: ' .. vim.inspect(d))
end
io.stderr:write(string.format('diagnostic at %d:%d: %s\n', d.lnum + 1, d.col + 1, d.message))

local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.lnum, character = d.col } },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 60000)
local chosen
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    if action.title:find('co_await') and not chosen then chosen = action end
  end
end
if not chosen then finish(1, 'FAIL: no code action inserting co_await: ' .. vim.inspect(responses)) end
io.stderr:write('applying code action: ' .. chosen.title .. '\n')
vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')

local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
if not text:find('co_await fetch_data%(%)') then
  finish(1, 'FAIL: the buffer has no co_await after the code action:\n' .. text)
end
-- The edit reached the server through didChange: its re-check is clean.
if not vim.wait(120000, function() return #ours() == 0 end, 100) then
  finish(1, 'FAIL: the finding stayed after the fix: ' .. vim.inspect(ours()))
end
if clangd_id then
  -- clangd served the same buffer all along: it answers a hover on the call.
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  local call_column = line:find('fetch_data') + 1
  local hover = vim.lsp.get_client_by_id(clangd_id).request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = d.lnum, character = call_column },
  }, 60000, buf)
  if not (hover and hover.result and hover.result.contents) then
    finish(1, 'FAIL: clangd, beside coro-tidy, did not answer: ' .. vim.inspect(hover))
  end
  io.stderr:write('clangd beside it answered a hover\n')
end
finish(0, 'PASS: Neovim applied the code action; the buffer now has co_await')
