#pragma once
// Private to lib/onnx. A push parser over the protobuf wire format of an ONNX
// ModelProto: fed the file chunk by chunk, it rebuilds a small ModelProto that
// keeps the graph structure (ir_version, producer, opset_import, graph inputs,
// outputs, value_info, nodes and subgraphs, initializer names, types and dims)
// and drops what inspection never needs (doc strings, metadata, training info,
// large tensor payloads). It never allocates more than the bytes it was fed,
// and memory stays bounded whatever the file size.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ohm::onnx::detail {

// Fixed limits of the walker. The defaults are what the reader uses.
struct WalkerLimits {
  // A tensor (initializer, Constant value, attribute tensor, sparse values or
  // indices) keeps its payload when it has at most this many payload bytes;
  // shape inference needs such small tensors (Reshape shapes, Resize scales).
  std::size_t max_tensor_payload = 4096;
  // Payload bytes kept over the whole model; past it, payloads are dropped.
  std::size_t max_total_payload = 8u << 20;
  // Bytes of structure kept (everything but dropped payloads): a corrupt or
  // hostile file is refused past this size.
  std::size_t max_structure = 256u << 20;
  // AttributeProto.s longer than this (an embedded engine blob, ...) is dropped.
  std::size_t max_string_attribute = 64u << 10;
  // Nesting of descended messages (graph > node > attribute > graph > ...).
  int max_depth = 64;
};

// Tensors whose payload was dropped get this data_location (EXTERNAL, with no
// external_data entries) in the rebuilt message, so shape inference treats
// them like external tensors: type and dims known, values not available.
constexpr int kStrippedDataLocation = 1;

class WireWalker {
 public:
  explicit WireWalker(WalkerLimits limits = {});

  // Consumes the next chunk. After an error, further chunks are ignored.
  void feed(std::string_view chunk);

  // Ends the stream. Returns the rebuilt ModelProto bytes, or an Error naming
  // the byte offset ("truncated at byte N ...", "corrupt protobuf at byte N: ...").
  Result<std::string> finish();

  // True when some tensor declared data_location EXTERNAL (data in a side file).
  bool uses_external_data() const { return uses_external_data_; }
  // Bytes fed so far.
  std::uint64_t bytes_seen() const { return pos_; }

 private:
  enum class Msg : std::uint8_t { kModel, kGraph, kNode, kAttribute, kTensor, kSparseTensor, kFunction };
  enum class Act : std::uint8_t { kSkip, kKeep, kKeepSmall, kDescend, kPayload };
  struct Rule {
    Act act = Act::kSkip;
    Msg child = Msg::kModel;
  };
  enum class State : std::uint8_t { kTag, kVarint, kLength, kBody };
  enum class Sink : std::uint8_t { kNone, kOut, kPayload };
  struct Frame {
    Msg msg = Msg::kModel;
    std::uint32_t field = 0;  // field number in the parent
    std::uint64_t end = 0;    // absolute offset where the message ends
    std::string out;          // kept fields
    std::string payload;      // kept tensor payload (kTensor only)
    bool payload_dropped = false;
  };

  static Rule rule_for(Msg msg, std::uint32_t field);
  static const char* msg_name(Msg msg);

  // Reads one varint across chunk boundaries; true when complete.
  bool take_varint(const char*& p, const char* end, std::uint64_t& value);
  void on_tag(std::uint64_t tag);
  void on_varint(std::uint64_t value);
  void on_length(std::uint64_t length);
  void pop_frame();
  void fail(const std::string& what);
  // Appends to the current frame's kept bytes, within the structure budget.
  bool keep(Sink sink, std::string_view bytes);
  // Decides whether `n` more payload bytes of the current tensor are kept.
  bool admit_payload(std::size_t n);

  WalkerLimits limits_;
  std::vector<Frame> stack_;
  State state_ = State::kTag;
  std::uint64_t pos_ = 0;
  // Partial varint carried across chunks.
  unsigned char vbuf_[10] = {};
  int vlen_ = 0;
  // Current field.
  std::uint32_t field_ = 0;
  int wire_type_ = 0;
  Rule rule_;
  // Body in progress (length-delimited content or fixed32/64).
  std::uint64_t body_left_ = 0;
  Sink body_sink_ = Sink::kNone;
  std::size_t kept_structure_ = 0;
  std::size_t kept_payload_ = 0;
  bool uses_external_data_ = false;
  bool failed_ = false;
  std::string error_;
};

}  // namespace ohm::onnx::detail
