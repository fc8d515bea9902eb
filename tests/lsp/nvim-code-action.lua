-- Neovim's built-in LSP client against `coro-tidy --lsp`, as a user would
-- use it: open a file with a missing co_await, wait for the diagnostic,
-- apply the server's code action, and check the buffer (and that the
-- re-check of the edited buffer clears the finding).
-- Written for Neovim 0.7 (Debian 12) and later: vim.lsp.start_client.
local tool, file = os.getenv('CORO_TIDY'), os.getenv('LSP_FILE')

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

if not vim.wait(120000, function() return #vim.diagnostic.get(buf) > 0 end, 100) then
  finish(1, 'FAIL: no diagnostic from coro-tidy --lsp')
end
local d = vim.diagnostic.get(buf)[1]
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
if not vim.wait(120000, function() return #vim.diagnostic.get(buf) == 0 end, 100) then
  finish(1, 'FAIL: the finding stayed after the fix: ' .. vim.inspect(vim.diagnostic.get(buf)))
end
finish(0, 'PASS: Neovim applied the code action; the buffer now has co_await')
