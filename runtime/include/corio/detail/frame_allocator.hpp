// A recycling allocator for coroutine frames.
#pragma once

#include <cstddef>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CORIO_DETAIL_PLAIN_FRAMES 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define CORIO_DETAIL_PLAIN_FRAMES 1
#endif
#endif

namespace corio::detail {

// Coroutine frames come and go at a high rate in a handful of sizes. Each thread keeps one free list
// per 16-byte size class, fed from 64 KiB slabs, so allocating a frame is a pointer pop and freeing
// one a push, with no per-block header. Memory is reused, not returned to malloc, until the thread
// exits. Sanitizer builds use plain new/delete so that a use-after-free of a frame is still caught.
class FrameAllocator {
 public:
  static void* allocate(std::size_t size) {
#ifndef CORIO_DETAIL_PLAIN_FRAMES
    if (size <= kMaxPooledSize && !cache_.dead) {
      const std::size_t cls = size_class(size);
      if (FreeBlock* block = cache_.free[cls]) {
        cache_.free[cls] = block->next;
        return block;
      }
      return carve((cls + 1) * kGranule);
    }
#endif
    return ::operator new(size);
  }

  static void deallocate(void* p, std::size_t size) noexcept {
#ifndef CORIO_DETAIL_PLAIN_FRAMES
    if (size <= kMaxPooledSize) {
      if (cache_.dead) return;  // the slabs are gone with the thread's cache; nothing to do
      const std::size_t cls = size_class(size);
      auto* block = static_cast<FreeBlock*>(p);
      block->next = cache_.free[cls];
      cache_.free[cls] = block;
      return;
    }
#endif
    ::operator delete(p, size);
  }

 private:
  static constexpr std::size_t kGranule = 16;
  static constexpr std::size_t kMaxPooledSize = 2048;
  static constexpr std::size_t kClassCount = kMaxPooledSize / kGranule;
  static constexpr std::size_t kSlabSize = 64 * 1024;

  struct FreeBlock {
    FreeBlock* next;
  };
  struct Slab {
    Slab* next;
    alignas(std::max_align_t) unsigned char bytes[kSlabSize];
  };
  struct ThreadCache {
    FreeBlock* free[kClassCount];
    unsigned char* bump;
    unsigned char* bump_end;
    Slab* slabs;
    bool dead;
  };

  // Frees the thread's slabs when it exits.
  struct SlabReleaser {
    ~SlabReleaser() {
      Slab* slab = cache_.slabs;
      while (slab != nullptr) {
        Slab* next = slab->next;
        delete slab;
        slab = next;
      }
      cache_ = ThreadCache{};
      cache_.dead = true;
    }
  };

  static constexpr std::size_t size_class(std::size_t size) noexcept {
    return size == 0 ? 0 : (size - 1) / kGranule;
  }

  static void* carve(std::size_t bytes) {
    if (static_cast<std::size_t>(cache_.bump_end - cache_.bump) < bytes) {
      if (cache_.slabs == nullptr) {
        static thread_local SlabReleaser releaser;  // registers the cleanup on first use
        (void)releaser;
      }
      auto* slab = new Slab;
      slab->next = cache_.slabs;
      cache_.slabs = slab;
      cache_.bump = slab->bytes;
      cache_.bump_end = slab->bytes + kSlabSize;
    }
    void* block = cache_.bump;
    cache_.bump += bytes;
    return block;
  }

  static constinit inline thread_local ThreadCache cache_{};
};

}  // namespace corio::detail
