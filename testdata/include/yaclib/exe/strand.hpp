// Stand-in for YACLib's <yaclib/exe/strand.hpp> (coro-tidy testdata): jobs
// run one after another on whichever thread drives the strand.
#pragma once
#include <yaclib/exe/executor.hpp>

namespace yaclib {

class Strand : public IExecutor {
public:
  explicit Strand(IExecutor &on) : on_(on) {}
  void Submit(Job &job) noexcept override { on_.Submit(job); }

private:
  IExecutor &on_;
};

} // namespace yaclib
