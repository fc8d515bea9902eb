// libFuzzer target for corio's HTTP/1.1 parsing: any byte string must parse or raise
// http::ProtocolError (or std::invalid_argument for URLs), never crash, hang or leak.
//   runtime/run-tests.sh runs it for a bounded time; by hand:
//   build/corio-fuzz/fuzz/corio_http_parser_fuzz -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <corio/io/http/message.hpp>
#include <corio/io/http/session.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using corio::http::ProtocolError;
  try {
    auto response = corio::http::parse_response_head(input);
    (void)corio::http::response_framing(response, "GET");
  } catch (const ProtocolError&) {
  }
  try {
    auto request = corio::http::parse_request_head(input);
    (void)corio::http::request_framing(request);
  } catch (const ProtocolError&) {
  }
  // The chunked decoder, fed in two pieces split at a data-dependent point.
  try {
    corio::http::ChunkedDecoder decoder(1 << 20);
    std::string body;
    const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
    std::string pending(input.substr(0, split));
    pending.erase(0, decoder.feed(pending, body));
    pending.append(input.substr(split));
    pending.erase(0, decoder.feed(pending, body));
  } catch (const ProtocolError&) {
  }
  try {
    (void)corio::http::Url::parse(input);
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
