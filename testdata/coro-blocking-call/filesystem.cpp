// std::filesystem's operations are system calls on the file system
// (flake8-async's ASYNC240 for os.path); path arithmetic is not.
#include <minitask/minitask.hpp>
#include <filesystem>

namespace fs = std::filesystem;

mini::Task<bool> scan(const fs::path &Root) {
  if (!fs::exists(Root)) // expected-warning {{blocking call to 'std::filesystem::exists' in coroutine 'scan'}}
    co_return false;
  auto Size = fs::file_size(Root / "index.html"); // expected-warning {{blocking call to 'std::filesystem::file_size'}}
  for (const auto &Entry : fs::directory_iterator(Root)) // expected-warning {{blocking call to the constructor of 'fs::directory_iterator'}}
    (void)Entry;
  fs::create_directories(Root / "cache"); // expected-warning {{blocking call to 'std::filesystem::create_directories'}}
  fs::path Pure = Root.parent_path() / Root.filename(); // path arithmetic: no I/O
  co_return Size > 0 && !Pure.empty();
}
