// The loop's record of the tasks started by create_task(), for shutdown and for freeing them.
#pragma once

#include <vector>

#include "corio/detail/context.hpp"
#include "corio/detail/ready_queue.hpp"

namespace corio::detail {

// A task started by create_task(): the loop tracks it so that run() can cancel what is still
// running when the main task returns, and report failures nobody retrieved.
class SpawnedTask : public TaskContext, public ReadyCallback {
 public:
  virtual bool finished() const noexcept = 0;
  // Shutdown, for a task that ignored cancellation and cannot progress: destroy its frames.
  virtual void abandon() noexcept = 0;
  // Shutdown: the loop is going away; report an unretrieved failure now.
  virtual void detach_from_loop() noexcept = 0;
  // Frees the task once nothing refers to it (called by the loop, outside the task's frames).
  virtual void destroy() noexcept = 0;

 protected:
  ~SpawnedTask() = default;

 private:
  friend class TaskRegistry;
  SpawnedTask* prev_ = nullptr;
  SpawnedTask* next_ = nullptr;
};

// The spawned tasks of one loop (an intrusive list), and the finished ones waiting to be freed.
class TaskRegistry {
 public:
  void add(SpawnedTask& task) noexcept {
    task.prev_ = nullptr;
    task.next_ = tasks_;
    if (tasks_ != nullptr) tasks_->prev_ = &task;
    tasks_ = &task;
  }
  void remove(SpawnedTask& task) noexcept {
    if (task.prev_ != nullptr)
      task.prev_->next_ = task.next_;
    else if (tasks_ == &task)
      tasks_ = task.next_;
    if (task.next_ != nullptr) task.next_->prev_ = task.prev_;
    task.prev_ = task.next_ = nullptr;
  }

  // Frees a finished task after the current step (it may be inside its own final suspension now).
  void retire(SpawnedTask& task) { retired_.push_back(&task); }
  bool has_retired() const noexcept { return !retired_.empty(); }
  void free_retired() noexcept {
    std::vector<SpawnedTask*> retired;
    retired.swap(retired_);
    for (SpawnedTask* t : retired) t->destroy();
  }

  // --- Shutdown ---

  bool any_unfinished() const noexcept {
    for (SpawnedTask* t = tasks_; t != nullptr; t = t->next_) {
      if (!t->finished()) return true;
    }
    return false;
  }
  void cancel_unfinished() noexcept {
    for (SpawnedTask* t = tasks_; t != nullptr; t = t->next_) {
      if (!t->finished()) t->cancel();
    }
  }
  void abandon_unfinished() noexcept {
    for (SpawnedTask* t = tasks_; t != nullptr; t = t->next_) {
      if (!t->finished()) t->abandon();
    }
  }
  // Tells every task still registered that the loop is going away, and forgets it.
  void detach_all() noexcept {
    while (tasks_ != nullptr) {
      SpawnedTask* t = tasks_;
      remove(*t);
      t->detach_from_loop();
    }
  }

 private:
  SpawnedTask* tasks_ = nullptr;
  std::vector<SpawnedTask*> retired_;
};

}  // namespace corio::detail
