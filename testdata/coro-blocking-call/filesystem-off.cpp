// CONFIG: {CheckOptions: {coro-blocking-call.FlagFilesystem: false}}
// FlagFilesystem off: std::filesystem calls are not reported.
#include <minitask/minitask.hpp>
#include <filesystem>

mini::Task<bool> scan(const std::filesystem::path &Root) {
  co_return std::filesystem::exists(Root) && std::filesystem::is_directory(Root);
}
