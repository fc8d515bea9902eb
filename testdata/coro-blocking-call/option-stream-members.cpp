// Stream members listed by the user are flagged on streams that may do I/O,
// not on streams that read memory.
// CONFIG: {CheckOptions: {coro-blocking-call.ExtraBlockingFunctions: 'std::basic_istream::read;std::basic_istream::get;std::basic_istream::getline'}}
#include <minitask/minitask.hpp>
#include <fstream>
#include <sstream>

mini::Task<int> members(std::istream &unknown, std::stringbuf &memory,
                        std::filebuf &file) {
  char buf[16];
  std::istream mem(&memory);
  mem.read(buf, sizeof buf);
  mem.getline(buf, sizeof buf);
  int c = mem.get();
  std::istringstream text("abc");
  text.read(buf, 2);
  std::istream disk(&file);
  disk.read(buf, sizeof buf); // expected-warning {{blocking call to 'std::basic_istream::read' in coroutine 'members'}}
  c += disk.get(); // expected-warning {{blocking call to 'std::basic_istream::get'}}
  unknown.getline(buf, sizeof buf); // expected-warning {{blocking call to 'std::basic_istream::getline'}}
  co_return c;
}
