#pragma once
// Private to lib/onnx. A push parser over the protobuf wire format of an ONNX
// ModelProto: fed the file chunk by chunk, it rebuilds a small ModelProto that
// keeps the graph structure (ir_version, producer, opset_import, graph inputs,
// outputs, value_info, nodes and subgraphs, initializer names, types and dims,
// metadata_props) and drops what inspection and the ONNX checker never need
// (doc strings, training info, large tensor payloads). Along the way it counts
// every tensor's payload against its dims (size_faults()) and records what it
// dropped that the checker looks at (dropped()). It never allocates more than
// the bytes it was fed, and memory stays bounded whatever the file size.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "fs/file_reader.h"
#include "hash/sha256.h"
#include "onnx/external_data.h"
#include "onnx/internal/tensor_payload.h"
#include "onnx/tensor_size.h"

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
  // Payload bytes of sparse tensor indices kept over the whole model, past
  // max_tensor_payload: the ONNX checker reads every index.
  std::size_t max_sparse_indices_payload = 16u << 20;
  // Tensor size faults recorded (all are counted).
  std::size_t max_size_faults = 1000;
};

// One step from a message down to a child message: the child's field number
// and its position among that field's occurrences in the parent.
struct PathStep {
  std::uint32_t field = 0;
  std::uint32_t index = 0;
};

// Something the rebuilt model lacks that the ONNX checker looks at. The
// rebuilt model is the form shape inference needs (payloads dropped, marked
// kStrippedDataLocation); these records let the checker see the model as the
// file has it (see checker.h).
struct Dropped {
  enum class What : std::uint8_t { kTensorPayload, kAttributeString };
  What what = What::kTensorPayload;
  std::vector<PathStep> path;  // from the ModelProto down to the TensorProto or AttributeProto
  // kTensorPayload: the file's own data_location (its last value), if any,
  // and which value fields were nonempty (PayloadTally::nonempty_mask()).
  std::optional<std::uint64_t> data_location;
  std::uint8_t nonempty_fields = 0;
  bool sparse_indices = false;  // the tensor holds a SparseTensorProto's indices
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

  // For a reader that reads ahead by positional reads (ModelReader::read_structure):
  // how many bytes from here the walker passes over without looking at them
  // (a dropped payload, a skipped field's body; 0 when it looks at the next
  // byte), feed() that stops where such bytes begin and returns how many it
  // took, and skip(n <= skippable()), which does what feeding them would.
  std::uint64_t skippable() const;
  std::size_t feed_until_skippable(std::string_view chunk);
  void skip(std::uint64_t n);

  // Instead of feed(): walks a file of `size` bytes by positional reads,
  // skipping unread what it passes over. After each such stretch it reads
  // `first_read` bytes (a tensor's head is a few dozen bytes before its next
  // payload), doubling up to 256 KiB while it looks at every byte. The same
  // walk as feeding every byte; fails only when a read does.
  std::optional<Error> walk_at_offsets(std::uint64_t size, const fs::ReadAt& read_at, std::size_t first_read = 512);

  // Call before the first feed to have finish() set walk_digest(): SHA-256
  // of every byte the walker looked at, and where it ended. Two walks with
  // the same digest made the same model of their files (the bytes passed over
  // only move the position), however their bytes were fed or skipped.
  void record_walk() { recording_ = true; }
  const std::string& walk_digest() const { return walk_digest_; }

  // Ends the stream. Returns the rebuilt ModelProto bytes, or an Error naming
  // the byte offset ("truncated at byte N ...", "corrupt protobuf at byte N: ...").
  Result<std::string> finish();

  // True when some tensor declared data_location EXTERNAL (data in a side file).
  bool uses_external_data() const { return uses_external_data_; }
  // Every tensor with data_location EXTERNAL, in file order (its entries as
  // the file has them; nothing is read from the side files).
  const std::vector<ExternalDataRef>& external_data() const { return external_data_; }
  // Bytes fed so far.
  std::uint64_t bytes_seen() const { return pos_; }
  // What the rebuilt model lacks, in file order.
  const std::vector<Dropped>& dropped() const { return dropped_; }
  // Tensors whose payload does not fit their dims and type (at most
  // max_size_faults of them), and how many there were in all.
  const std::vector<TensorSizeFault>& size_faults() const { return size_faults_; }
  std::uint64_t size_fault_count() const { return size_fault_count_; }

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
    std::uint32_t index = 0;  // position among the parent's children of the same field
    std::vector<std::pair<std::uint32_t, std::uint32_t>> children;  // descended field -> count
    PayloadTally tally;                                             // kTensor: the payload as the file has it
    bool sparse_indices = false;                                    // kTensor: a SparseTensorProto's indices
    bool string_dropped = false;                                    // kAttribute: `s` was too long to keep
  };

  static Rule rule_for(Msg msg, std::uint32_t field);
  static const char* msg_name(Msg msg);

  // feed()'s loop over [p, end): stops early at skippable bytes when asked;
  // returns the bytes taken.
  std::size_t walk(const char* p, const char* end, bool stop_at_skippable);
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
  // Records what a finished tensor or attribute frame dropped, and checks a tensor's size.
  void account(const Frame& child);
  // Keeps where an external tensor's data lives.
  void record_external(const TensorHead& head);
  // The path from the ModelProto to `child` (whose parent is the top frame).
  std::vector<PathStep> path_to(const Frame& child) const;
  // Where `tensor` (whose parent is the top frame) sits, for a fault message.
  std::string location_of(const Frame& tensor) const;

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
  std::size_t kept_indices_ = 0;
  bool scan_body_ = false;  // the body in progress is counted by the tensor's tally
  std::vector<Dropped> dropped_;
  std::vector<TensorSizeFault> size_faults_;
  std::uint64_t size_fault_count_ = 0;
  bool uses_external_data_ = false;
  std::vector<ExternalDataRef> external_data_;
  bool failed_ = false;
  std::string error_;
  bool recording_ = false;
  hash::Sha256 looked_at_;
  std::string walk_digest_;
};

}  // namespace ohm::onnx::detail
