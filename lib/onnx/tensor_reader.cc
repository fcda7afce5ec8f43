#include "onnx/tensor_reader.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "onnx/internal/port_types.h"
#include "onnx/internal/tensor_payload.h"

namespace ohm::onnx {
namespace {

using detail::PayloadTally;
using detail::TensorHead;

constexpr std::uint64_t kNoEnd = std::numeric_limits<std::uint64_t>::max();
constexpr std::size_t kMaxHead = 1u << 20;  // non-payload bytes kept per tensor
constexpr std::size_t kMaxDepth = 16;
constexpr std::size_t kMaxFaults = 100;

enum class Msg : std::uint8_t { kTensor, kSparse, kSequence, kMap, kOptional };

const char* msg_name(Msg m) {
  switch (m) {
    case Msg::kTensor:
      return "TensorProto";
    case Msg::kSparse:
      return "SparseTensorProto";
    case Msg::kSequence:
      return "SequenceProto";
    case Msg::kMap:
      return "MapProto";
    case Msg::kOptional:
      return "OptionalProto";
  }
  return "message";
}

// The wire types a known field may have, one bit each; 0 for an unknown
// field (skipped, as protobuf would keep it as an unknown field).
unsigned wire_types(Msg m, std::uint32_t f) {
  constexpr unsigned kVarint = 1u << 0, kFixed64 = 1u << 1, kLen = 1u << 2, kFixed32 = 1u << 5;
  switch (m) {
    case Msg::kTensor:
      switch (f) {
        case 1:
        case 5:
        case 7:
        case 11:
          return kVarint | kLen;  // dims, int32/int64/uint64_data
        case 2:
        case 14:
          return kVarint;  // data_type, data_location
        case 4:
          return kFixed32 | kLen;  // float_data
        case 10:
          return kFixed64 | kLen;  // double_data
        case 3:
        case 6:
        case 8:
        case 9:
        case 12:
        case 13:
        case 16:
          return kLen;
        default:
          return 0;
      }
    case Msg::kSparse:
      return f == 1 || f == 2 ? kLen : f == 3 ? kVarint | kLen : 0;
    case Msg::kMap:
      switch (f) {
        case 1:
        case 4:
        case 5:
          return kLen;  // name, string_keys, values
        case 2:
          return kVarint;  // key_type
        case 3:
          return kVarint | kLen;  // keys
        default:
          return 0;
      }
    case Msg::kSequence:
    case Msg::kOptional:
      return f == 2 ? kVarint : f >= 1 && f <= 7 ? kLen : 0;
  }
  return 0;
}

std::optional<Msg> child_of(Msg m, std::uint32_t f) {
  switch (m) {
    case Msg::kTensor:
      return std::nullopt;
    case Msg::kSparse:
      return f == 1 || f == 2 ? std::optional<Msg>(Msg::kTensor) : std::nullopt;
    case Msg::kMap:
      return f == 5 ? std::optional<Msg>(Msg::kSequence) : std::nullopt;
    case Msg::kSequence:
    case Msg::kOptional:
      switch (f) {
        case 3:
          return Msg::kTensor;
        case 4:
          return Msg::kSparse;
        case 5:
          return Msg::kSequence;
        case 6:
          return Msg::kMap;
        case 7:
          return Msg::kOptional;
        default:
          return std::nullopt;
      }
  }
  return std::nullopt;
}

// SequenceProto/OptionalProto.DataType -> the message of their elements.
std::optional<Msg> declared_kind(std::int64_t elem_type) {
  switch (elem_type) {
    case 1:
      return Msg::kTensor;
    case 2:
      return Msg::kSparse;
    case 3:
      return Msg::kSequence;
    case 4:
      return Msg::kMap;
    case 5:
      return Msg::kOptional;
    default:
      return std::nullopt;
  }
}

std::string undefined_type(std::optional<Msg> kind) {
  if (!kind) return "undefined";
  switch (*kind) {
    case Msg::kTensor:
      return "tensor(undefined)";
    case Msg::kSparse:
      return "sparse_tensor(undefined)";
    case Msg::kSequence:
      return "seq(undefined)";
    case Msg::kMap:
      return "map(undefined,undefined)";
    case Msg::kOptional:
      return "optional(undefined)";
  }
  return "undefined";
}

void append_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Skips one balanced type expression at the front of `s` (up to a ',' or
// ')' outside parentheses).
std::size_t balanced_length(std::string_view s) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if ((s[i] == ',' || s[i] == ')') && depth == 0) return i;
    if (s[i] == ')') --depth;
  }
  return s.size();
}

}  // namespace

ValueKind value_kind_of(std::string_view port_type) {
  auto starts = [port_type](std::string_view p) { return port_type.substr(0, p.size()) == p; };
  if (starts("seq(")) return ValueKind::kSequence;
  if (starts("map(")) return ValueKind::kMap;
  if (starts("optional(")) return ValueKind::kOptional;
  return ValueKind::kTensor;
}

bool type_fits(std::string_view port_type, std::string_view value_type) {
  constexpr std::string_view kAny = "undefined";
  while (!port_type.empty() || !value_type.empty()) {
    if (value_type.substr(0, kAny.size()) == kAny && port_type.substr(0, kAny.size()) != kAny) {
      value_type.remove_prefix(kAny.size());
      port_type.remove_prefix(balanced_length(port_type));
      continue;
    }
    if (port_type.empty() || value_type.empty() || port_type[0] != value_type[0]) return false;
    port_type.remove_prefix(1);
    value_type.remove_prefix(1);
  }
  return true;
}

struct TestValueReader::Impl {
  enum class State : std::uint8_t { kTag, kVarint, kLength, kBody };
  struct Frame {
    Msg msg = Msg::kTensor;
    std::uint32_t field = 0;  // field number in the parent
    std::uint64_t index = 0;  // element number in a parent sequence
    std::uint64_t end = kNoEnd;
    std::string head;                      // kTensor: kept non-payload fields
    PayloadTally tally;                    // kTensor: payload; kMap: keys (as int64_data and string_data)
    std::optional<std::int64_t> declared;  // Sequence/Optional elem_type, Map key_type
    std::string child_type;  // the type of the elements (Sequence), value (Optional), values' elements (Map)
    std::uint64_t children = 0;
    std::optional<std::uint64_t> map_values;  // kMap: elements of its values sequence
    // Filled when the frame ends.
    std::string type;
    TensorHead tensor;
  };

  std::vector<Frame> stack;
  State state = State::kTag;
  std::uint64_t pos = 0;
  unsigned char vbuf[10] = {};
  int vlen = 0;
  std::uint32_t field = 0;
  int wire_type = 0;
  std::uint64_t body_left = 0;
  bool body_head = false;  // the body goes to the tensor's head
  bool body_scan = false;  // the body is counted by the frame's tally
  bool failed = false;
  std::string error;
  TestValue result;

  void fail(const std::string& why) {
    if (failed) return;
    failed = true;
    error = why;
  }
  void fail_at(const std::string& why) { fail("corrupt protobuf at byte " + std::to_string(pos) + ": " + why); }
  void not_a(const std::string& why) { fail(std::string("not a ") + msg_name(stack.front().msg) + ": " + why); }

  Frame& top() { return stack.back(); }

  bool keep_head(std::string_view bytes) {
    if (bytes.size() > kMaxHead - std::min(kMaxHead, top().head.size())) {
      fail("a tensor's dims, name and other non-payload fields exceed 1 MiB");
      return false;
    }
    top().head.append(bytes.data(), bytes.size());
    return true;
  }

  bool take_varint(const char*& p, const char* end, std::uint64_t& value) {
    while (p < end) {
      const auto b = static_cast<unsigned char>(*p++);
      ++pos;
      vbuf[vlen++] = b;
      if ((b & 0x80) == 0) {
        value = 0;
        for (int i = 0; i < vlen; ++i) value |= std::uint64_t{vbuf[i] & 0x7fu} << (7 * i);
        vlen = 0;
        return true;
      }
      if (vlen == 10) {
        fail_at("varint longer than 10 bytes");
        return false;
      }
    }
    return false;
  }

  void on_tag(std::uint64_t tag) {
    const std::uint64_t f = tag >> 3;
    wire_type = static_cast<int>(tag & 7);
    if (f == 0 || f > (1u << 29) - 1) return fail_at("invalid field number " + std::to_string(f));
    field = static_cast<std::uint32_t>(f);
    if (wire_type == 3 || wire_type == 4 || wire_type > 5) {
      return fail_at("wire type " + std::to_string(wire_type) + " (field " + std::to_string(field) + ")");
    }
    const unsigned allowed = wire_types(top().msg, field);
    if (allowed != 0 && (allowed & (1u << wire_type)) == 0) {
      return not_a(std::string("field ") + std::to_string(field) + " of its " + msg_name(top().msg) +
                   " has wire type " + std::to_string(wire_type));
    }
    if (wire_type == 0) {
      state = State::kVarint;
    } else if (wire_type == 2) {
      state = State::kLength;
    } else {
      const std::uint64_t n = wire_type == 1 ? 8 : 4;
      if (n > top().end - pos) return fail_at("a fixed-size field runs past the end of its message");
      if (top().msg == Msg::kTensor) top().tally.scalar(field, wire_type);
      body_left = n;
      body_head = body_scan = false;
      state = State::kBody;
    }
  }

  void on_varint(std::uint64_t value) {
    state = State::kTag;
    Frame& t = top();
    switch (t.msg) {
      case Msg::kTensor:
        if (detail::is_payload_field(field)) {
          t.tally.scalar(field, 0);
        } else if (field == detail::kDims || field == detail::kDataType || field == detail::kDataLocation) {
          std::string bytes;
          append_varint(bytes, (std::uint64_t{field} << 3) | 0);
          append_varint(bytes, value);
          keep_head(bytes);
        }
        break;
      case Msg::kMap:
        if (field == 2) t.declared = static_cast<std::int32_t>(value);
        if (field == 3) t.tally.scalar(detail::kInt64Data, 0);
        break;
      case Msg::kSequence:
      case Msg::kOptional:
        if (field == 2) t.declared = static_cast<std::int32_t>(value);
        break;
      case Msg::kSparse:
        break;
    }
  }

  void on_length(std::uint64_t length) {
    Frame& t = top();
    if (length > t.end - pos) {
      return fail_at("length " + std::to_string(length) + " of field " + std::to_string(field) +
                     " runs past the end of its " + msg_name(t.msg));
    }
    state = State::kBody;
    body_left = length;
    body_head = body_scan = false;
    if (auto child = child_of(t.msg, field)) {
      if (stack.size() >= kMaxDepth) return fail("values nested deeper than 16 levels");
      if (t.msg == Msg::kSequence || t.msg == Msg::kOptional) {
        const auto declared = t.declared ? declared_kind(*t.declared) : std::nullopt;
        if (declared && *declared != *child) {
          return not_a(std::string("a ") + msg_name(t.msg) + " declares elements of another kind than the " +
                       msg_name(*child) + " it holds");
        }
      }
      Frame c;
      c.msg = *child;
      c.field = field;
      c.index = t.children;
      c.end = pos + length;
      stack.push_back(std::move(c));
      state = State::kTag;
      return;
    }
    if (t.msg == Msg::kTensor) {
      if (detail::is_payload_field(field)) {
        const std::string bad = t.tally.length(field, length);
        if (!bad.empty()) return fail_at(bad);
        body_scan = t.tally.scanning();
      } else if (field == detail::kDims || field == detail::kSegment || field == detail::kName ||
                 field == detail::kExternalData) {
        std::string hdr;
        append_varint(hdr, (std::uint64_t{field} << 3) | 2);
        append_varint(hdr, length);
        if (!keep_head(hdr)) return;
        body_head = true;
      }
    } else if (t.msg == Msg::kMap && (field == 3 || field == 4)) {
      const std::string bad = t.tally.length(field == 3 ? detail::kInt64Data : detail::kStringData, length);
      if (!bad.empty()) return fail_at(bad);
      body_scan = t.tally.scanning();
    }
  }

  void body(std::string_view bytes) {
    if (body_head) keep_head(bytes);
    if (body_scan) top().tally.body(bytes);
  }

  void end_body() {
    state = State::kTag;
    if (body_scan) {
      body_scan = false;
      const std::string bad = top().tally.end_body();
      if (!bad.empty()) fail_at(bad);
    }
  }

  // Where the top frame sits, for a size fault: "element 2 of the sequence, value of the optional".
  std::string location() const {
    std::string where;
    for (std::size_t i = 1; i < stack.size(); ++i) {
      const Frame& parent = stack[i - 1];
      const Frame& f = stack[i];
      std::string part;
      switch (parent.msg) {
        case Msg::kSequence:
          part = "sequence element " + std::to_string(f.index);
          break;
        case Msg::kOptional:
          part = "optional value";
          break;
        case Msg::kMap:
          part = "map values";
          break;
        case Msg::kSparse:
          part = f.field == 1 ? "sparse values" : "sparse indices";
          break;
        case Msg::kTensor:
          break;
      }
      where += (where.empty() ? "" : ", ") + part;
    }
    return where;
  }

  // Ends the top frame: its type, its size check, and what its parent learns.
  void end_frame() {
    Frame& f = top();
    switch (f.msg) {
      case Msg::kTensor: {
        const std::string bad = detail::decode_tensor_head(f.head, f.tensor, /*strict=*/true);
        if (!bad.empty()) return not_a(bad);
        if (!f.tensor.has_data_type || f.tensor.data_type == 0) {
          return not_a(stack.size() == 1 ? "it has no data_type" : location() + " has no data_type");
        }
        f.type = "tensor(" + detail::elem_type_name(f.tensor.data_type) + ")";
        if (auto fault = detail::size_fault(f.tensor, f.tally)) {
          ++result.size_fault_count;
          if (result.size_faults.size() < kMaxFaults) {
            fault->location = location();
            result.size_faults.push_back(std::move(*fault));
          }
        }
        break;
      }
      case Msg::kSparse:
        f.type = "sparse_tensor(" + (f.child_type.empty() ? std::string("undefined") : f.child_type) + ")";
        break;
      case Msg::kSequence:
        f.type = "seq(" +
                 (f.child_type.empty() ? undefined_type(f.declared ? declared_kind(*f.declared) : std::nullopt)
                                       : f.child_type) +
                 ")";
        break;
      case Msg::kOptional:
        f.type = "optional(" +
                 (f.child_type.empty() ? undefined_type(f.declared ? declared_kind(*f.declared) : std::nullopt)
                                       : f.child_type) +
                 ")";
        break;
      case Msg::kMap: {
        const std::uint64_t keys = f.tally.count(detail::kInt64Data) + f.tally.count(detail::kStringData);
        if (f.map_values && *f.map_values != keys) {
          return not_a("a map with " + std::to_string(keys) + " keys holds " + std::to_string(*f.map_values) +
                       " values");
        }
        f.children = keys;
        f.type = "map(" + (f.declared ? detail::elem_type_name(static_cast<int>(*f.declared)) : "undefined") + "," +
                 (f.child_type.empty() ? std::string("undefined") : f.child_type) + ")";
        break;
      }
    }
    if (stack.size() > 1) absorb_into_parent();
  }

  void absorb_into_parent() {
    Frame child = std::move(stack.back());
    stack.pop_back();
    Frame& p = top();
    switch (p.msg) {
      case Msg::kSparse:
        if (child.field == 1) p.child_type = detail::elem_type_name(child.tensor.data_type);
        break;
      case Msg::kMap:
        // The values sequence: the map's value type is its element type.
        p.map_values = child.children;
        p.child_type = child.type.substr(4, child.type.size() - 5);
        break;
      case Msg::kSequence:
      case Msg::kOptional:
        ++p.children;
        if (p.child_type.empty() || type_fits(child.type, p.child_type)) {
          p.child_type = child.type;  // the first, or a more specific one
        } else if (!type_fits(p.child_type, child.type)) {
          not_a(p.msg == Msg::kSequence ? "sequence element " + std::to_string(child.index) + " is " + child.type +
                                              ", an earlier one " + p.child_type
                                        : "an optional holds two values, " + p.child_type + " and " + child.type);
        }
        break;
      case Msg::kTensor:
        break;
    }
  }
};

TestValueReader::TestValueReader(ValueKind expected) : impl_(std::make_unique<Impl>()) {
  Impl::Frame root;
  switch (expected) {
    case ValueKind::kTensor:
      root.msg = Msg::kTensor;
      break;
    case ValueKind::kSequence:
      root.msg = Msg::kSequence;
      break;
    case ValueKind::kMap:
      root.msg = Msg::kMap;
      break;
    case ValueKind::kOptional:
      root.msg = Msg::kOptional;
      break;
  }
  impl_->result.kind = expected;
  impl_->stack.push_back(std::move(root));
}

TestValueReader::~TestValueReader() = default;

void TestValueReader::feed(std::string_view chunk) {
  Impl& s = *impl_;
  const char* p = chunk.data();
  const char* const end = p + chunk.size();
  while (!s.failed) {
    if (s.state == Impl::State::kBody) {
      const auto n =
          static_cast<std::size_t>(std::min<std::uint64_t>(s.body_left, static_cast<std::uint64_t>(end - p)));
      if (n > 0) {
        s.body(std::string_view(p, n));
        p += n;
        s.pos += n;
        s.body_left -= n;
      }
      if (s.body_left > 0) return;
      s.end_body();
      if (s.failed) return;
    }
    if (s.state == Impl::State::kTag && s.vlen == 0) {
      while (s.stack.size() > 1 && s.pos == s.top().end && !s.failed) s.end_frame();
    }
    if (p == end || s.failed) return;
    std::uint64_t value = 0;
    if (!s.take_varint(p, end, value)) return;
    if (s.pos > s.top().end) return s.fail_at("a field runs past the end of its message");
    switch (s.state) {
      case Impl::State::kTag:
        s.on_tag(value);
        break;
      case Impl::State::kVarint:
        s.on_varint(value);
        break;
      case Impl::State::kLength:
        s.on_length(value);
        break;
      case Impl::State::kBody:
        break;
    }
  }
}

Result<TestValue> TestValueReader::finish() {
  Impl& s = *impl_;
  if (!s.failed && s.state == Impl::State::kTag && s.vlen == 0) {
    while (s.stack.size() > 1 && s.pos == s.top().end && !s.failed) s.end_frame();
  }
  if (s.failed) return Error{s.error};
  if (s.stack.size() > 1 || s.state != Impl::State::kTag || s.vlen != 0) {
    return Error{"truncated: the file ends at byte " + std::to_string(s.pos) + " inside a " + msg_name(s.top().msg)};
  }
  s.end_frame();
  if (s.failed) return Error{s.error};
  Impl::Frame& root = s.stack.front();
  TestValue v = std::move(s.result);
  v.type = root.type;
  if (root.msg == Msg::kTensor) {
    v.name = root.tensor.name;
    v.data_type = root.tensor.data_type;
    v.dims = root.tensor.dims;
  } else {
    v.elements = root.children;
  }
  s.failed = true;
  s.error = "the reader was already finished";
  return v;
}

}  // namespace ohm::onnx
