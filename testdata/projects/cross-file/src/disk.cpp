#include "backend.h"
#include <unistd.h>

namespace {
struct Disk final : Storage {
  int fetch(int key) override {
    char c;
    return ::pread(key, &c, 1, 0);
  }
};
} // namespace

Storage &default_storage() {
  static Disk disk;
  return disk;
}
