// Stand-in for YACLib's <yaclib/exe/executor.hpp> (coro-tidy testdata): the
// real qualified names and shapes (IExecutor with Submit(Job&), Job),
// minimal bodies written for the tests, no code from the project.
#pragma once

namespace yaclib {

class Job {
public:
  virtual void Call() noexcept = 0;
  virtual ~Job() = default;
};

class IExecutor {
public:
  virtual void Submit(Job &job) noexcept = 0;
  virtual ~IExecutor() = default;
};

} // namespace yaclib
