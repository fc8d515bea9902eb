#pragma once

/// Every implementation in the project blocks: disk.cpp, remote.cpp.
struct Storage {
  virtual ~Storage() = default;
  virtual int fetch(int key) = 0;
};

/// One implementation does not block (memory.cpp): only
/// VirtualCalls=any reports a call through it.
struct Backend {
  virtual ~Backend() = default;
  virtual int get(int key) = 0;
};

Storage &default_storage();
Backend &default_backend();
