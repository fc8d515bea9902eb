// std::filesystem's operations are system calls on the file system
// (flake8-async's ASYNC240 for os.path); path arithmetic is not.
#include <minitask/minitask.hpp>
#include <filesystem>

namespace fs = std::filesystem;

mini::Task<bool> scan(const fs::path &Root) {
  if (!fs::exists(Root)) // expected-warning {{'std::filesystem::exists' blocks the event loop inside coroutine 'scan'}}
    co_return false;
  auto Size = fs::file_size(Root / "index.html"); // expected-warning {{'std::filesystem::file_size' blocks}}
  for (const auto &Entry : fs::directory_iterator(Root)) // expected-warning {{constructing 'fs::directory_iterator' blocks}}
    (void)Entry;
  fs::create_directories(Root / "cache"); // expected-warning {{'std::filesystem::create_directories' blocks}}
  fs::path Pure = Root.parent_path() / Root.filename(); // path arithmetic: no I/O
  co_return Size > 0 && !Pure.empty();
}
