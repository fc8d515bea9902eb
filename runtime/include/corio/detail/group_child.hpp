// A task group's record of one of its children (task_group.hpp).
#pragma once

#include <cstddef>
#include <exception>

#include "corio/detail/frame_allocator.hpp"
#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/task_registry.hpp"
#include "corio/detail/task_state.hpp"

namespace corio {

class TaskGroup;

namespace detail {

class GroupLink : public ListHook {};

// The group's record of one child: watches the child's completion and counts the ChildHandles.
class GroupChild : public CompletionWatch, public GroupLink {
 public:
  static void* operator new(std::size_t size) { return FrameAllocator::allocate(size); }
  static void operator delete(void* p, std::size_t size) noexcept { FrameAllocator::deallocate(p, size); }
  virtual ~GroupChild() = default;

  void on_task_done() noexcept override;  // defined in task_group.hpp, after TaskGroup

  virtual SpawnedTask& task() noexcept = 0;
  virtual std::exception_ptr take_error() noexcept = 0;
  // Gives up the loop-side state once no ChildHandle refers to the child.
  virtual void release_state() noexcept = 0;

  void add_handle() noexcept { ++handles_; }
  void drop_handle() noexcept {
    if (--handles_ > 0) return;
    release_state();
    if (!running_) delete this;  // a running child's record goes when the child finishes
  }

 private:
  friend class corio::TaskGroup;
  TaskGroup* group_ = nullptr;
  unsigned handles_ = 0;
  bool running_ = true;
};

template <class T>
class GroupChildOf final : public GroupChild {
 public:
  SpawnedTask& task() noexcept override { return *state_; }
  std::exception_ptr take_error() noexcept override { return state_->take_error(); }
  void release_state() noexcept override { state_->release_handle(); }
  TaskState<T>* state_ = nullptr;
};

}  // namespace detail
}  // namespace corio
