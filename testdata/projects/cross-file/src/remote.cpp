#include "backend.h"
#include <sys/socket.h>

struct Remote : Storage {
  int fetch(int key) override { return ::recv(key, nullptr, 0, 0); }
};

struct RemoteBackend : Backend {
  int get(int key) override { return ::recv(key, nullptr, 0, 0); }
};

Remote &remote_storage() {
  static Remote remote;
  return remote;
}
