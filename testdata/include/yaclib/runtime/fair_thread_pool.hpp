// Stand-in for YACLib's <yaclib/runtime/fair_thread_pool.hpp> (coro-tidy
// testdata): a pool of worker threads, each running one job at a time.
#pragma once
#include <cstdint>
#include <yaclib/exe/executor.hpp>

namespace yaclib {

class FairThreadPool : public IExecutor {
public:
  explicit FairThreadPool(std::uint64_t threads = 1) : threads_(threads) {}
  void Submit(Job &job) noexcept override { job.Call(); }
  void HardStop() noexcept {}
  void Wait() noexcept {}

private:
  std::uint64_t threads_;
};

} // namespace yaclib
