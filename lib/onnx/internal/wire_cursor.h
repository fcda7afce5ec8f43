#pragma once
// Private to lib/onnx. Reads the fields of a complete protobuf message held
// in memory (the small kept parts of a streamed message), one at a time.

#include <cstdint>
#include <string>
#include <string_view>

namespace ohm::onnx::detail {

class WireCursor {
 public:
  explicit WireCursor(std::string_view bytes) : rest_(bytes) {}

  // Moves to the next field. False at the end of the bytes, or when they are
  // not valid wire format (error() then says why).
  bool next();

  std::uint32_t field() const { return field_; }
  int wire_type() const { return wire_type_; }
  // The value of a varint field, or the bits of a fixed32/fixed64 one.
  std::uint64_t value() const { return value_; }
  // The body of a length-delimited field.
  std::string_view body() const { return body_; }
  const std::string& error() const { return error_; }

  // Reads a varint from the front of `in`; false when it is cut short or too long.
  static bool read_varint(std::string_view& in, std::uint64_t& value);

 private:
  bool fail(const std::string& why);

  std::string_view rest_;
  std::uint32_t field_ = 0;
  int wire_type_ = 0;
  std::uint64_t value_ = 0;
  std::string_view body_;
  std::string error_;
};

// The body of the first length-delimited `field` of `message`, or "".
std::string_view find_bytes_field(std::string_view message, std::uint32_t field);

}  // namespace ohm::onnx::detail
