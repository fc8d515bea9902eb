//===--- ExitCodes.h - coro-tidy's documented, stable exit codes ----------===//

#ifndef CORO_TIDY_DRIVER_EXITCODES_H
#define CORO_TIDY_DRIVER_EXITCODES_H

namespace coro_tidy {
enum ExitCode : int {
  ExitClean = 0,    ///< No findings, or warnings only.
  ExitFindings = 1, ///< Warnings promoted by --warnings-as-errors, or
                    ///< translation units that do not compile.
  ExitUsage = 2,    ///< Bad command line, configuration, database or input.
  ExitInternal = 3, ///< A bug in coro-tidy (a crash while checking a unit).
};
} // namespace coro_tidy

#endif
