// Streams whose buffer does I/O, or may: the reads stay flagged.
#include <minitask/minitask.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/streambuf.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

mini::Task<std::string> file_buffer(const char *path) {
  std::filebuf fb;
  fb.open(path, std::ios::in); // expected-warning {{blocking call to 'std::basic_filebuf::open'}}
  std::istream in(&fb);
  std::string line;
  std::getline(in, line); // expected-warning {{blocking call to 'std::getline' in coroutine 'file_buffer'}}
  co_return line;
}

// A file buffer opened elsewhere, or a class derived from one.
struct LogBuf : std::filebuf {};
mini::Task<std::string> derived_file_buffer(LogBuf &log, std::filebuf &fb) {
  std::istream in(&log);
  std::iostream io(&fb);
  std::string line;
  std::getline(in, line); // expected-warning {{blocking call to 'std::getline'}}
  std::getline(io, line); // expected-warning {{blocking call to 'std::getline'}}
  co_return line;
}

// A socket stream buffer reads the network.
mini::Task<std::string> socket_buffer(
    boost::asio::basic_socket_streambuf<boost::asio::ip::tcp> &sb) {
  std::istream in(&sb);
  std::string line;
  std::getline(in, line); // expected-warning {{blocking call to 'std::getline'}}
  co_return line;
}

// Streams of unknown origin: parameters, globals, members, std::cin, a
// buffer known only as std::streambuf.
extern std::istream global_in;
struct Reader {
  std::istream &in;
  mini::Task<std::string> next() {
    std::string line;
    std::getline(in, line); // expected-warning {{blocking call to 'std::getline'}}
    co_return line;
  }
};

mini::Task<std::string> unknown(std::istream &param, std::streambuf *any) {
  std::string line;
  std::getline(param, line); // expected-warning {{blocking call to 'std::getline'}}
  std::getline(global_in, line); // expected-warning {{blocking call to 'std::getline'}}
  std::getline(std::cin, line); // expected-warning {{blocking call to 'std::getline'}}
  std::istream over_any(any);
  std::getline(over_any, line); // expected-warning {{blocking call to 'std::getline'}}
  std::istream over_cin(std::cin.rdbuf());
  std::getline(over_cin, line); // expected-warning {{blocking call to 'std::getline'}}
  std::istream &alias = over_cin;
  std::getline(alias, line); // expected-warning {{blocking call to 'std::getline'}}
  co_return line;
}

// A stream that starts over memory and is then given a file buffer.
mini::Task<std::string> rebuffered(std::stringbuf &memory, std::filebuf &file) {
  std::istream in(&memory);
  in.rdbuf(&file);
  std::string line;
  std::getline(in, line); // expected-warning {{blocking call to 'std::getline'}}
  co_return line;
}

// A helper reading a file buffer, called from a coroutine.
int first_number(std::filebuf &fb) {
  std::istream in(&fb);
  std::string line;
  std::getline(in, line); // expected-note {{'first_number' calls 'std::getline', which can block}}
  return static_cast<int>(line.size());
}

mini::Task<int> through_helper(std::filebuf &fb) {
  co_return first_number(fb); // expected-warning {{call to 'first_number' in coroutine 'through_helper' can reach a blocking call to 'std::getline'}}
}
