#include "onnx/internal/wire_cursor.h"

namespace ohm::onnx::detail {

bool WireCursor::read_varint(std::string_view& in, std::uint64_t& value) {
  value = 0;
  for (std::size_t i = 0; i < in.size() && i < 10; ++i) {
    const auto b = static_cast<unsigned char>(in[i]);
    value |= std::uint64_t{b & 0x7fu} << (7 * i);
    if ((b & 0x80) == 0) {
      in.remove_prefix(i + 1);
      return true;
    }
  }
  return false;
}

bool WireCursor::fail(const std::string& why) {
  error_ = why;
  rest_ = {};
  return false;
}

bool WireCursor::next() {
  if (rest_.empty()) return false;
  std::uint64_t tag = 0;
  if (!read_varint(rest_, tag)) return fail("a field tag is cut short");
  const std::uint64_t field = tag >> 3;
  if (field == 0 || field > (1u << 29) - 1) return fail("invalid field number " + std::to_string(field));
  field_ = static_cast<std::uint32_t>(field);
  wire_type_ = static_cast<int>(tag & 7);
  body_ = {};
  switch (wire_type_) {
    case 0:
      if (!read_varint(rest_, value_)) return fail("a varint is cut short");
      return true;
    case 1:
    case 5: {
      const std::size_t n = wire_type_ == 1 ? 8 : 4;
      if (rest_.size() < n) return fail("a fixed-size field is cut short");
      value_ = 0;
      for (std::size_t i = 0; i < n; ++i) value_ |= std::uint64_t{static_cast<unsigned char>(rest_[i])} << (8 * i);
      rest_.remove_prefix(n);
      return true;
    }
    case 2: {
      std::uint64_t length = 0;
      if (!read_varint(rest_, length)) return fail("a length is cut short");
      if (length > rest_.size()) return fail("a length runs past the end of its message");
      body_ = rest_.substr(0, static_cast<std::size_t>(length));
      rest_.remove_prefix(static_cast<std::size_t>(length));
      return true;
    }
    default:
      return fail("invalid wire type " + std::to_string(wire_type_) + " (field " + std::to_string(field_) + ")");
  }
}

std::string_view find_bytes_field(std::string_view message, std::uint32_t field) {
  WireCursor c(message);
  while (c.next()) {
    if (c.field() == field && c.wire_type() == 2) return c.body();
  }
  return {};
}

}  // namespace ohm::onnx::detail
