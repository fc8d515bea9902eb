// A job queued on a ThreadPool (executor.hpp).
#pragma once

namespace corio {

class ThreadPool;

namespace detail {

// Runs on a pool thread; the pool links its queued jobs through them, so queueing one allocates
// nothing.
class PoolJob {
 public:
  virtual void execute() noexcept = 0;  // runs on a pool thread

 protected:
  ~PoolJob() = default;

 private:
  friend class corio::ThreadPool;
  PoolJob* next_ = nullptr;
};

}  // namespace detail
}  // namespace corio
