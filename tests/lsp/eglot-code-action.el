;; Emacs's Eglot against `coro-tidy --lsp`, in batch mode: open a file with
;; a missing co_await, wait for the Flymake diagnostic, apply the code
;; action that inserts co_await and check the buffer. Written for Emacs 28
;; with Debian's elpa-eglot 1.9 (Eglot is built into Emacs 29).
(dolist (dir (directory-files "/usr/share/emacs/site-lisp/elpa" t "^[a-z]"))
  (add-to-list 'load-path dir))
(require 'eglot)
(defun coro-tidy-test-finish (code message)
  (message "%s" message)
  (kill-emacs code))
(setq eglot-server-programs
      `((c++-mode . (,(getenv "CORO_TIDY") "--lsp"))))
(find-file (getenv "LSP_FILE"))
(c++-mode)
;; eglot-ensure waits for a command loop that batch mode has not: connect.
(apply #'eglot (eglot--guess-contact))
(let ((deadline (+ (float-time) 120)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (flymake-start)
    (accept-process-output nil 0.1)))
(let ((diagnostic (car (flymake-diagnostics))))
  (unless diagnostic
    (coro-tidy-test-finish 1 "FAIL: no diagnostic from coro-tidy --lsp"))
  (unless (string-match-p "never awaited" (flymake-diagnostic-text diagnostic))
    (coro-tidy-test-finish 1 (format "FAIL: unexpected diagnostic %s"
                                     (flymake-diagnostic-text diagnostic))))
  (message "diagnostic: %s" (flymake-diagnostic-text diagnostic))
  (let* ((at (flymake-diagnostic-beg diagnostic))
         (actions (eglot-code-actions at at nil nil))
         (fix (seq-find (lambda (a) (string-match-p "co_await" (plist-get a :title)))
                        actions)))
    (unless fix
      (coro-tidy-test-finish 1 (format "FAIL: no co_await action in %S" actions)))
    (message "applying: %s" (plist-get fix :title))
    (eglot--apply-workspace-edit (plist-get fix :edit))
    (if (string-match-p "co_await fetch_data()" (buffer-string))
        (coro-tidy-test-finish 0 "PASS: Eglot applied the code action; the buffer has co_await")
      (coro-tidy-test-finish 1 (format "FAIL: no co_await in:\n%s" (buffer-string))))))
