#include "task.h"
Task<int> fetch_data() { co_return; }
Task<> handler() {
  fetch_data();
  co_return;
}
