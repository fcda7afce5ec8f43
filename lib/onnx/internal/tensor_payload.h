#pragma once
// Private to lib/onnx. What a TensorProto's payload holds, counted as its
// bytes stream past (never kept), and onnxruntime's rule for whether that
// payload fits the tensor's dims and element type. Shared by the model walker
// (`model.tensor-size`) and the test-data reader (`testdata.tensor-size`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "onnx/tensor_size.h"

namespace ohm::onnx::detail {

// TensorProto field numbers (onnx.proto).
enum TensorField : std::uint32_t {
  kDims = 1,
  kDataType = 2,
  kSegment = 3,
  kFloatData = 4,
  kInt32Data = 5,
  kStringData = 6,
  kInt64Data = 7,
  kName = 8,
  kRawData = 9,
  kDoubleData = 10,
  kUint64Data = 11,
  kExternalData = 13,
  kDataLocation = 14,
};

// True for the fields that hold a tensor's values (*_data, raw_data).
bool is_payload_field(std::uint32_t field);

// Counts one tensor's payload per value field, with protobuf's semantics:
// repeated fields add up (packed or not), raw_data is the last occurrence,
// and an occurrence with the wrong wire type is an unknown field (ignored).
class PayloadTally {
 public:
  // An occurrence with wire type 0, 1 or 5: one unpacked element.
  void scalar(std::uint32_t field, int wire_type);
  // A length-delimited occurrence of `length` bytes. Returns "" or why it
  // cannot be valid protobuf (packed floats whose length is not a multiple of 4).
  std::string length(std::uint32_t field, std::uint64_t length);
  // True while the body of the last length() must be passed to body()
  // (packed varints, counted by their last bytes).
  bool scanning() const { return scanning_; }
  void body(std::string_view bytes);
  // Ends a scanned body. Returns "" or why it is not valid protobuf.
  std::string end_body();

  // Elements of a repeated value field (bytes for raw_data).
  std::uint64_t count(std::uint32_t field) const;
  bool raw_present() const { return raw_present_; }
  // The checker's "has field" test (`tensor.field().size() != 0`).
  bool nonempty(std::uint32_t field) const { return count(field) > 0; }
  // One bit per value field that is nonempty, bit (field - kFloatData).
  std::uint8_t nonempty_mask() const;

 private:
  static int slot(std::uint32_t field);
  std::uint64_t counts_[7] = {};
  bool raw_present_ = false;
  bool scanning_ = false;
  int scan_slot_ = 0;
  int varint_run_ = 0;  // continuation bytes of the varint in progress
};

// The non-payload fields of a TensorProto.
struct TensorHead {
  std::vector<std::int64_t> dims;
  std::int32_t data_type = 0;
  bool has_data_type = false;
  std::string name;
  bool has_segment = false;
  std::optional<std::uint64_t> data_location;  // the last value in the file, any number
  // external_data entries (StringStringEntryProto key, value), in file order.
  std::vector<std::pair<std::string, std::string>> external_entries;
  bool external() const { return data_location && *data_location == 1; }
};

// Decodes the non-payload fields of a complete TensorProto body (payload
// fields and unknown fields are skipped). Returns "" or why the bytes are not
// valid protobuf; `strict` also refuses a known field with the wrong wire
// type (protobuf would keep it as an unknown field).
std::string decode_tensor_head(std::string_view bytes, TensorHead& head, bool strict = false);

// onnxruntime's rule: with raw_data, its length must be the element count
// times the element size; else the typed field of the data type (float_data,
// int32_data, ...) must hold the element count (twice it for complex types).
// nullopt when it fits or when it cannot be checked: external data, a
// segment, or an element type this rule does not know.
std::optional<TensorSizeFault> size_fault(const TensorHead& head, const PayloadTally& tally);

// Field name for a TensorProto value field number ("float_data", ...).
const char* payload_field_name(std::uint32_t field);

}  // namespace ohm::onnx::detail
