// Streams over in-memory stream buffers: a local std::istream constructed
// from a pointer to a string buffer or an Asio streambuf reads memory that an
// earlier co_await filled, as HTTP clients parse a response.
#include <minitask/minitask.hpp>
#include <boost/asio/streambuf.hpp>
#include <istream>
#include <sstream>
#include <string>

mini::Task<void> fill(boost::asio::streambuf &buf);
mini::Task<void> fill(std::stringbuf &buf);

mini::Task<int> asio_response(boost::asio::streambuf &buf) {
  co_await fill(buf);
  std::istream in(&buf);
  std::string line;
  int status = 0;
  std::getline(in, line);
  in >> status;
  while (std::getline(in, line) && line != "\r")
    ++status;
  co_return status;
}

mini::Task<int> string_buffer(std::stringbuf &buf) {
  co_await fill(buf);
  std::istream in{&buf};
  std::string line;
  std::getline(in, line, ':');
  co_return static_cast<int>(line.size());
}

mini::Task<std::string> own_buffer() {
  std::stringbuf buf("a\nb\n");
  std::iostream io(&buf);
  std::wstringbuf wide(L"w\n");
  std::wistream win(&wide);
  std::string line;
  std::wstring wline;
  std::getline(io, line);
  std::getline(win, wline);
  co_return line;
}

// The read is in a helper the coroutine calls: still memory.
int parse_status(boost::asio::streambuf &buf) {
  std::istream in(&buf);
  std::string version;
  std::getline(in, version, ' ');
  int status = 0;
  in >> status;
  return status;
}

mini::Task<int> through_helper(boost::asio::streambuf &buf) {
  co_await fill(buf);
  co_return parse_status(buf);
}

// A user stream buffer that is not a file buffer.
struct Chunk : std::streambuf {
  explicit Chunk(char *p, std::size_t n) { setg(p, p, p + n); }
};

mini::Task<std::string> custom_buffer(char *p, std::size_t n) {
  Chunk chunk(p, n);
  std::istream in(&chunk);
  std::string word;
  std::getline(in, word);
  co_return word;
}
