#include "backend.h"

struct Memory : Backend {
  int get(int key) override { return key * 2; }
};

Backend &default_backend() {
  static Memory memory;
  return memory;
}
