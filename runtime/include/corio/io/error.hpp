// Error codes of corio's I/O that are not errno values.
#pragma once

#include <string>
#include <system_error>

namespace corio {

enum class io_errc {
  unexpected_eof = 1,  // the peer closed the connection in the middle of a message
  bad_address,         // a host name or address that cannot be resolved
};

inline const std::error_category& io_category() noexcept {
  struct Category final : std::error_category {
    const char* name() const noexcept override { return "corio.io"; }
    std::string message(int value) const override {
      switch (static_cast<io_errc>(value)) {
        case io_errc::unexpected_eof: return "unexpected end of stream";
        case io_errc::bad_address: return "cannot resolve address";
      }
      return "unknown corio I/O error";
    }
  };
  static const Category category;
  return category;
}

inline std::error_code make_error_code(io_errc e) noexcept { return {static_cast<int>(e), io_category()}; }

}  // namespace corio

template <>
struct std::is_error_code_enum<corio::io_errc> : std::true_type {};
