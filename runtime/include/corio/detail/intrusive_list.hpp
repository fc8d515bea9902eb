// A FIFO of waiters that live in coroutine frames: no allocation, O(1) removal on cancellation.
#pragma once

namespace corio::detail {

class ListHook {
 public:
  bool linked() const noexcept { return linked_; }

 private:
  template <class>
  friend class IntrusiveList;
  ListHook* prev_ = nullptr;
  ListHook* next_ = nullptr;
  bool linked_ = false;
};

template <class Node>
class IntrusiveList {
 public:
  bool empty() const noexcept { return head_ == nullptr; }
  Node* front() const noexcept { return static_cast<Node*>(head_); }
  // The node after `node` (for walking the list while nothing is removed).
  Node* next(Node& node) const noexcept { return static_cast<Node*>(static_cast<ListHook&>(node).next_); }

  void push_back(Node& node) noexcept {
    ListHook& h = node;
    h.prev_ = tail_;
    h.next_ = nullptr;
    h.linked_ = true;
    if (tail_ != nullptr) tail_->next_ = &h;
    else head_ = &h;
    tail_ = &h;
  }
  Node* pop_front() noexcept {
    if (head_ == nullptr) return nullptr;
    Node* node = static_cast<Node*>(head_);
    remove(*node);
    return node;
  }
  // Takes the hook, not the Node: a node's base class can leave the list from its own destructor,
  // when the Node part of the object is already gone.
  void remove(ListHook& h) noexcept {
    if (!h.linked_) return;
    if (h.prev_ != nullptr) h.prev_->next_ = h.next_;
    else head_ = h.next_;
    if (h.next_ != nullptr) h.next_->prev_ = h.prev_;
    else tail_ = h.prev_;
    h.prev_ = h.next_ = nullptr;
    h.linked_ = false;
  }

 private:
  ListHook* head_ = nullptr;
  ListHook* tail_ = nullptr;
};

}  // namespace corio::detail
