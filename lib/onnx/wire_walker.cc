#include "onnx/internal/wire_walker.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "onnx/internal/wire_cursor.h"

namespace ohm::onnx::detail {
namespace {

constexpr std::uint64_t kNoEnd = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kMaxFieldNumber = (1u << 29) - 1;
// Longest length-delimited field accepted (protobuf itself stops at 2 GiB).
constexpr std::uint64_t kMaxLength = std::uint64_t{1} << 62;

void append_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void append_tag(std::string& out, std::uint32_t field, int wire_type) {
  append_varint(out, (std::uint64_t{field} << 3) | static_cast<std::uint64_t>(wire_type));
}

}  // namespace

WireWalker::WireWalker(WalkerLimits limits) : limits_(limits) {
  Frame root;
  root.msg = Msg::kModel;
  root.end = kNoEnd;
  stack_.push_back(std::move(root));
}

// Field numbers from onnx.proto (IR version 10). Fields not listed are dropped.
WireWalker::Rule WireWalker::rule_for(Msg msg, std::uint32_t field) {
  switch (msg) {
    case Msg::kModel:
      switch (field) {
        // ir_version, producer_*, domain, model_version, opset_import, and
        // metadata_props (the checker refuses duplicate keys)
        case 1:
        case 2:
        case 3:
        case 4:
        case 5:
        case 8:
        case 14:
          return {Act::kKeep};
        case 7:
          return {Act::kDescend, Msg::kGraph};
        case 25:
          return {Act::kDescend, Msg::kFunction};
        default:
          return {};  // doc_string, training_info
      }
    case Msg::kGraph:
      switch (field) {
        case 2:
        case 11:
        case 12:
        case 13:  // name, input, output, value_info
          return {Act::kKeep};
        case 1:
          return {Act::kDescend, Msg::kNode};
        case 5:
          return {Act::kDescend, Msg::kTensor};
        case 15:
          return {Act::kDescend, Msg::kSparseTensor};
        default:
          return {};  // doc_string, quantization_annotation
      }
    case Msg::kNode:
      switch (field) {
        case 1:
        case 2:
        case 3:
        case 4:
        case 7:
        case 8:  // input, output, name, op_type, domain, overload
          return {Act::kKeep};
        case 5:
          return {Act::kDescend, Msg::kAttribute};
        default:
          return {};  // doc_string, metadata_props
      }
    case Msg::kAttribute:
      switch (field) {
        case 1:
        case 2:
        case 3:
        case 7:
        case 8:
        case 9:
        case 14:
        case 15:
        case 20:
        case 21:
          return {Act::kKeep};
        case 4:
          return {Act::kKeepSmall};  // s
        case 5:
        case 10:
          return {Act::kDescend, Msg::kTensor};
        case 6:
        case 11:
          return {Act::kDescend, Msg::kGraph};
        case 22:
        case 23:
          return {Act::kDescend, Msg::kSparseTensor};
        default:
          return {};  // doc_string
      }
    case Msg::kTensor:
      switch (field) {
        case 1:
        case 2:
        case 3:
        case 8:
        case 13:
        case 14:  // dims, data_type, segment, name, external_data, data_location
          return {Act::kKeep};
        case 4:
        case 5:
        case 6:
        case 7:
        case 9:
        case 10:
        case 11:  // *_data, raw_data
          return {Act::kPayload};
        default:
          return {};  // doc_string, metadata_props
      }
    case Msg::kSparseTensor:
      switch (field) {
        case 1:
        case 2:
          return {Act::kDescend, Msg::kTensor};
        case 3:
          return {Act::kKeep};
        default:
          return {};
      }
    case Msg::kFunction:
      switch (field) {
        case 1:
        case 4:
        case 5:
        case 6:
        case 9:
        case 10:
        case 11:
        case 12:
        case 13:
          return {Act::kKeep};
        case 7:
          return {Act::kDescend, Msg::kNode};
        default:
          return {};  // doc_string, metadata_props
      }
  }
  return {};
}

const char* WireWalker::msg_name(Msg msg) {
  switch (msg) {
    case Msg::kModel:
      return "ModelProto";
    case Msg::kGraph:
      return "GraphProto";
    case Msg::kNode:
      return "NodeProto";
    case Msg::kAttribute:
      return "AttributeProto";
    case Msg::kTensor:
      return "TensorProto";
    case Msg::kSparseTensor:
      return "SparseTensorProto";
    case Msg::kFunction:
      return "FunctionProto";
  }
  return "message";
}

void WireWalker::fail(const std::string& what) {
  if (failed_) return;
  failed_ = true;
  error_ = "corrupt protobuf at byte " + std::to_string(pos_) + ": " + what;
  stack_.clear();
}

bool WireWalker::take_varint(const char*& p, const char* end, std::uint64_t& value) {
  while (p < end) {
    auto b = static_cast<unsigned char>(*p++);
    ++pos_;
    vbuf_[vlen_++] = b;
    if ((b & 0x80) == 0) {
      value = 0;
      for (int i = 0; i < vlen_; ++i) value |= std::uint64_t{vbuf_[i] & 0x7fu} << (7 * i);
      vlen_ = 0;
      return true;
    }
    if (vlen_ == 10) {
      fail("varint longer than 10 bytes");
      return false;
    }
  }
  return false;
}

bool WireWalker::keep(Sink sink, std::string_view bytes) {
  Frame& top = stack_.back();
  if (sink == Sink::kPayload) {
    top.payload.append(bytes.data(), bytes.size());
    return true;
  }
  if (bytes.size() > limits_.max_structure - kept_structure_) {
    fail("the model's structure (without tensor data) exceeds " + std::to_string(limits_.max_structure >> 20) + " MiB");
    return false;
  }
  kept_structure_ += bytes.size();
  top.out.append(bytes.data(), bytes.size());
  return true;
}

bool WireWalker::admit_payload(std::size_t n) {
  Frame& t = stack_.back();
  if (t.payload_dropped) return false;
  // Sparse indices have a budget of their own: the checker reads each index.
  const std::size_t cap = t.sparse_indices ? limits_.max_sparse_indices_payload : limits_.max_tensor_payload;
  const std::size_t total = t.sparse_indices ? limits_.max_sparse_indices_payload : limits_.max_total_payload;
  std::size_t& kept = t.sparse_indices ? kept_indices_ : kept_payload_;
  // Invariants: payload.size() <= cap, kept <= total.
  if (n <= cap - t.payload.size() && n <= total - kept) {
    kept += n;
    return true;
  }
  kept -= t.payload.size();
  std::string().swap(t.payload);
  t.payload_dropped = true;
  return false;
}

std::vector<PathStep> WireWalker::path_to(const Frame& child) const {
  std::vector<PathStep> path;
  for (std::size_t i = 1; i < stack_.size(); ++i) path.push_back({stack_[i].field, stack_[i].index});
  path.push_back({child.field, child.index});
  return path;
}

std::string WireWalker::location_of(const Frame& tensor) const {
  std::string where;
  auto add = [&where](const std::string& part) { where += (where.empty() ? "" : ", ") + part; };
  auto quoted = [](std::string_view s) { return "\"" + std::string(s) + "\""; };
  for (std::size_t i = 1; i < stack_.size(); ++i) {
    const Frame& f = stack_[i];
    switch (f.msg) {
      case Msg::kNode:
        add("node " + quoted(find_bytes_field(f.out, 3)) + " (" + std::string(find_bytes_field(f.out, 4)) + ")");
        break;
      case Msg::kAttribute:
        add("attribute " + quoted(find_bytes_field(f.out, 1)));
        break;
      case Msg::kFunction:
        add("function " + quoted(find_bytes_field(f.out, 1)));
        break;
      case Msg::kSparseTensor:
        add(f.field == 15 ? "sparse initializer" : "sparse tensor");
        break;
      default:
        break;  // a graph is named by the attribute holding it
    }
  }
  const Frame& parent = stack_.back();
  if (parent.msg == Msg::kGraph) add("initializer");
  if (parent.msg == Msg::kSparseTensor) add(tensor.field == 1 ? "values" : "indices");
  if (parent.msg == Msg::kAttribute && tensor.field == 10) add("tensors[" + std::to_string(tensor.index) + "]");
  return where;
}

namespace {

// onnx's loader reads offset and length with std::stoull-like parsing of
// decimal digits; anything else is refused here rather than guessed.
bool parse_decimal(const std::string& text, std::uint64_t& out) {
  if (text.empty() || text.size() > 20) return false;
  std::uint64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
    const std::uint64_t digit = static_cast<std::uint64_t>(ch - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return false;
    v = v * 10 + digit;
  }
  out = v;
  return true;
}

}  // namespace

void WireWalker::record_external(const TensorHead& head) {
  ExternalDataRef ref;
  ref.tensor = head.name;
  for (const auto& [key, value] : head.external_entries) {
    if (key == "location") {
      ref.location = value;
    } else if (key == "offset" || key == "length") {
      std::uint64_t n = 0;
      if (!parse_decimal(value, n)) {
        ref.bad_number = key + " \"" + value.substr(0, 40) + "\" is not a non-negative integer";
        continue;
      }
      (key == "offset" ? ref.offset : ref.length) = n;
    }
  }
  // Records are kept structure too, so a hostile file cannot grow them unbounded.
  const std::size_t cost = sizeof(ExternalDataRef) + ref.tensor.size() + ref.location.size() + ref.bad_number.size();
  if (cost > limits_.max_structure - std::min(kept_structure_, limits_.max_structure)) {
    fail("the model's structure (without tensor data) exceeds " + std::to_string(limits_.max_structure >> 20) + " MiB");
    return;
  }
  kept_structure_ += cost;
  external_data_.push_back(std::move(ref));
}

void WireWalker::account(const Frame& child) {
  if (child.msg == Msg::kAttribute && child.string_dropped) {
    Dropped d;
    d.what = Dropped::What::kAttributeString;
    d.path = path_to(child);
    dropped_.push_back(std::move(d));
    return;
  }
  if (child.msg != Msg::kTensor) return;
  TensorHead head;
  // The kept fields were copied from the file as they were; a malformed
  // packed dims field fails the protobuf parse later, so no size check here.
  const bool head_ok = decode_tensor_head(child.out, head).empty();
  if (head_ok && head.external()) record_external(head);
  if (head_ok) {
    if (auto fault = size_fault(head, child.tally)) {
      ++size_fault_count_;
      if (size_faults_.size() < limits_.max_size_faults) {
        fault->location = location_of(child);
        size_faults_.push_back(std::move(*fault));
      }
    }
  }
  if (child.payload_dropped) {
    Dropped d;
    d.path = path_to(child);
    d.data_location = head.data_location;
    d.nonempty_fields = child.tally.nonempty_mask();
    d.sparse_indices = child.sparse_indices;
    // Records are kept structure too, so a hostile file cannot grow them unbounded.
    const std::size_t cost = sizeof(Dropped) + d.path.size() * sizeof(PathStep);
    if (cost > limits_.max_structure - std::min(kept_structure_, limits_.max_structure)) {
      fail("the model's structure (without tensor data) exceeds " + std::to_string(limits_.max_structure >> 20) +
           " MiB");
      return;
    }
    kept_structure_ += cost;
    dropped_.push_back(std::move(d));
  }
}

void WireWalker::on_tag(std::uint64_t tag) {
  const std::uint64_t field = tag >> 3;
  wire_type_ = static_cast<int>(tag & 7);
  if (field == 0 || field > kMaxFieldNumber) {
    fail("invalid field number " + std::to_string(field));
    return;
  }
  field_ = static_cast<std::uint32_t>(field);
  rule_ = rule_for(stack_.back().msg, field_);
  switch (wire_type_) {
    case 0:
      state_ = State::kVarint;
      return;
    case 2:
      state_ = State::kLength;
      return;
    case 1:
    case 5: {
      const std::uint64_t n = wire_type_ == 1 ? 8 : 4;
      if (n > stack_.back().end - pos_) {
        fail("fixed-size field runs past the end of its " + std::string(msg_name(stack_.back().msg)));
        return;
      }
      if (rule_.act == Act::kPayload) stack_.back().tally.scalar(field_, wire_type_);
      std::string hdr;
      append_tag(hdr, field_, wire_type_);
      body_sink_ = Sink::kNone;
      scan_body_ = false;
      if (rule_.act == Act::kKeep || rule_.act == Act::kKeepSmall) {
        body_sink_ = Sink::kOut;
      } else if (rule_.act == Act::kPayload && admit_payload(hdr.size() + n)) {
        body_sink_ = Sink::kPayload;
      }
      if (body_sink_ != Sink::kNone && !keep(body_sink_, hdr)) return;
      body_left_ = n;
      state_ = State::kBody;
      return;
    }
    case 3:
    case 4:
      fail("group wire type (field " + std::to_string(field_) + "), which ONNX never uses");
      return;
    default:
      fail("invalid wire type " + std::to_string(wire_type_) + " (field " + std::to_string(field_) + ")");
      return;
  }
}

void WireWalker::on_varint(std::uint64_t value) {
  state_ = State::kTag;
  if (stack_.back().msg == Msg::kTensor && field_ == 14 && value == 1) uses_external_data_ = true;
  if (rule_.act == Act::kPayload) stack_.back().tally.scalar(field_, 0);
  std::string bytes;
  append_tag(bytes, field_, 0);
  append_varint(bytes, value);
  if (rule_.act == Act::kKeep || rule_.act == Act::kKeepSmall) {
    keep(Sink::kOut, bytes);
  } else if (rule_.act == Act::kPayload && admit_payload(bytes.size())) {
    keep(Sink::kPayload, bytes);
  }
}

void WireWalker::on_length(std::uint64_t length) {
  Frame& top = stack_.back();
  if (length > kMaxLength || length > top.end - pos_) {
    fail("length " + std::to_string(length) + " of field " + std::to_string(field_) + " runs past the end of its " +
         msg_name(top.msg));
    return;
  }
  std::string hdr;
  append_tag(hdr, field_, 2);
  append_varint(hdr, length);
  body_sink_ = Sink::kNone;
  scan_body_ = false;
  switch (rule_.act) {
    case Act::kDescend: {
      if (static_cast<int>(stack_.size()) > limits_.max_depth) {
        fail("messages nested deeper than " + std::to_string(limits_.max_depth) + " levels");
        return;
      }
      Frame child;
      child.msg = rule_.child;
      child.field = field_;
      child.end = pos_ + length;
      child.sparse_indices = top.msg == Msg::kSparseTensor && field_ == 2;
      auto it =
          std::find_if(top.children.begin(), top.children.end(), [this](const auto& c) { return c.first == field_; });
      if (it == top.children.end()) it = top.children.insert(it, {field_, 0});
      child.index = it->second++;
      stack_.push_back(std::move(child));
      state_ = State::kTag;
      return;
    }
    case Act::kKeepSmall:
      if (length > limits_.max_string_attribute) {
        top.string_dropped = true;
        break;
      }
      [[fallthrough]];
    case Act::kKeep:
      if (length > limits_.max_structure - std::min(kept_structure_, limits_.max_structure)) {
        fail("the model's structure (without tensor data) exceeds " + std::to_string(limits_.max_structure >> 20) +
             " MiB");
        return;
      }
      if (!keep(Sink::kOut, hdr)) return;
      body_sink_ = Sink::kOut;
      break;
    case Act::kPayload: {
      const std::string bad = top.tally.length(field_, length);
      if (!bad.empty()) {
        fail(bad);
        return;
      }
      scan_body_ = top.tally.scanning();
      const std::size_t cap = top.sparse_indices ? limits_.max_sparse_indices_payload : limits_.max_tensor_payload;
      if (length <= cap && admit_payload(hdr.size() + length)) {
        keep(Sink::kPayload, hdr);
        body_sink_ = Sink::kPayload;
      } else {
        admit_payload(std::numeric_limits<std::size_t>::max());  // drops this tensor's payload
      }
      break;
    }
    case Act::kSkip:
      break;
  }
  body_left_ = length;
  state_ = State::kBody;
}

void WireWalker::pop_frame() {
  Frame child = std::move(stack_.back());
  stack_.pop_back();
  account(child);
  if (failed_) return;
  if (child.msg == Msg::kTensor) {
    if (child.payload_dropped) {
      append_tag(child.out, 14, 0);
      append_varint(child.out, kStrippedDataLocation);
    } else {
      child.out += child.payload;
    }
  }
  std::string hdr;
  append_tag(hdr, child.field, 2);
  append_varint(hdr, child.out.size());
  Frame& parent = stack_.back();
  kept_structure_ += hdr.size();
  parent.out += hdr;
  parent.out += child.out;
}

void WireWalker::feed(std::string_view chunk) { walk(chunk.data(), chunk.data() + chunk.size(), false); }

std::size_t WireWalker::feed_until_skippable(std::string_view chunk) {
  return walk(chunk.data(), chunk.data() + chunk.size(), true);
}

std::uint64_t WireWalker::skippable() const {
  const bool passed_over = state_ == State::kBody && body_sink_ == Sink::kNone && !scan_body_;
  return !failed_ && passed_over ? body_left_ : 0;
}

void WireWalker::skip(std::uint64_t n) {
  n = std::min(n, skippable());
  pos_ += n;
  body_left_ -= n;
  if (n > 0 && body_left_ == 0) walk(nullptr, nullptr, false);  // leaves the body, as feed() would
}

std::optional<Error> WireWalker::walk_at_offsets(std::uint64_t size, const fs::ReadAt& read_at,
                                                 std::size_t first_read) {
  constexpr std::size_t kLargestRead = 256 << 10;
  first_read = std::clamp<std::size_t>(first_read, 1, kLargestRead);
  std::vector<char> buffer(kLargestRead);
  std::size_t want = first_read;
  for (std::uint64_t at = 0; at < size;) {
    if (const std::uint64_t passed_over = std::min(skippable(), size - at)) {
      skip(passed_over);
      at += passed_over;
      want = first_read;
      continue;
    }
    auto got = read_at(at, buffer.data(), static_cast<std::size_t>(std::min<std::uint64_t>(want, size - at)));
    if (!got) return got.failure();
    if (*got == 0) break;  // the file shrank: the walk ends short, as a stream's would
    const std::size_t took = feed_until_skippable(std::string_view(buffer.data(), *got));
    if (took == 0) break;  // the walk failed: it reads no further
    at += took;
    if (took == *got) want = std::min(want * 2, kLargestRead);
  }
  return std::nullopt;
}

std::size_t WireWalker::walk(const char* const begin, const char* const end, bool stop_at_skippable) {
  const char* p = begin;
  const char* looked_from = p;  // the bytes since are looked at (walk_digest)
  auto looked_at = [&] {
    if (recording_ && p != looked_from) looked_at_.update(std::string_view(looked_from, p - looked_from));
    looked_from = p;
  };
  while (!failed_) {
    if (state_ == State::kBody) {
      if (stop_at_skippable && skippable() > 0) break;
      const auto avail = static_cast<std::uint64_t>(end - p);
      const auto n = static_cast<std::size_t>(std::min(body_left_, avail));
      const bool passed_over = skippable() > 0;
      if (passed_over) looked_at();
      if (n > 0) {
        if (body_sink_ != Sink::kNone) keep(body_sink_, std::string_view(p, n));
        if (scan_body_) stack_.back().tally.body(std::string_view(p, n));
        p += n;
        pos_ += n;
        body_left_ -= n;
      }
      if (passed_over) looked_from = p;
      if (body_left_ > 0) break;  // the chunk is used up
      state_ = State::kTag;
      if (scan_body_) {
        scan_body_ = false;
        const std::string bad = stack_.back().tally.end_body();
        if (!bad.empty()) {
          fail(bad);
          break;
        }
      }
    }
    if (state_ == State::kTag && vlen_ == 0) {
      while (stack_.size() > 1 && pos_ == stack_.back().end) pop_frame();
    }
    if (p == end || failed_) break;
    std::uint64_t value = 0;
    if (!take_varint(p, end, value)) break;  // needs the next chunk (or failed)
    if (pos_ > stack_.back().end) {
      fail("field runs past the end of its " + std::string(msg_name(stack_.back().msg)));
      break;
    }
    switch (state_) {
      case State::kTag:
        on_tag(value);
        break;
      case State::kVarint:
        on_varint(value);
        break;
      case State::kLength:
        on_length(value);
        break;
      case State::kBody:
        break;
    }
  }
  looked_at();
  return static_cast<std::size_t>(p - begin);
}

Result<std::string> WireWalker::finish() {
  if (recording_ && walk_digest_.empty()) walk_digest_ = looked_at_.hex_digest() + " " + std::to_string(pos_);
  if (failed_) return Error{error_};
  if (state_ == State::kTag && vlen_ == 0) {
    while (stack_.size() > 1 && pos_ == stack_.back().end) pop_frame();
  }
  if (failed_) return Error{error_};
  if (stack_.size() > 1 || state_ != State::kTag || vlen_ != 0) {
    const char* inside = msg_name(stack_.back().msg);
    return Error{"truncated: the file ends at byte " + std::to_string(pos_) + " inside a " +
                 (state_ == State::kTag && vlen_ == 0 ? std::string(inside) : std::string("field of a ") + inside)};
  }
  std::string out = std::move(stack_.back().out);
  failed_ = true;
  error_ = "the reader was already finished";
  stack_.clear();
  return out;
}

}  // namespace ohm::onnx::detail
