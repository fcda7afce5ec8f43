#include "onnx/internal/tensor_payload.h"

#include <limits>

#include "onnx/internal/wire_cursor.h"

namespace ohm::onnx::detail {
namespace {

enum class Kind { kFixed32, kFixed64, kVarint, kBytes };

Kind kind_of(std::uint32_t field) {
  switch (field) {
    case kFloatData:
      return Kind::kFixed32;
    case kDoubleData:
      return Kind::kFixed64;
    case kStringData:
    case kRawData:
      return Kind::kBytes;
    default:
      return Kind::kVarint;  // int32_data, int64_data, uint64_data
  }
}

int scalar_wire_type(Kind k) {
  switch (k) {
    case Kind::kFixed32:
      return 5;
    case Kind::kFixed64:
      return 1;
    case Kind::kVarint:
      return 0;
    case Kind::kBytes:
      return 2;
  }
  return -1;
}

// How a data type's values are stored: the typed field, how many field
// elements one tensor element takes (2 for complex) or one field element
// holds (2 for 4-bit types), and the raw_data bytes per element.
struct Storage {
  std::uint32_t field = 0;    // 0: a type the rule does not know
  int per_element = 1;        // field elements per tensor element
  bool packed_pairs = false;  // two tensor elements per field element / raw byte (4-bit types)
  int raw_bytes = 0;          // bytes per element in raw_data (0: raw_data not allowed)
};

Storage storage_of(std::int32_t data_type) {
  switch (data_type) {
    case 1:
      return {kFloatData, 1, false, 4};  // FLOAT
    case 2:
      return {kInt32Data, 1, false, 1};  // UINT8
    case 3:
      return {kInt32Data, 1, false, 1};  // INT8
    case 4:
      return {kInt32Data, 1, false, 2};  // UINT16
    case 5:
      return {kInt32Data, 1, false, 2};  // INT16
    case 6:
      return {kInt32Data, 1, false, 4};  // INT32
    case 7:
      return {kInt64Data, 1, false, 8};  // INT64
    case 8:
      return {kStringData, 1, false, 0};  // STRING
    case 9:
      return {kInt32Data, 1, false, 1};  // BOOL
    case 10:
      return {kInt32Data, 1, false, 2};  // FLOAT16
    case 11:
      return {kDoubleData, 1, false, 8};  // DOUBLE
    case 12:
      return {kUint64Data, 1, false, 4};  // UINT32
    case 13:
      return {kUint64Data, 1, false, 8};  // UINT64
    case 14:
      return {kFloatData, 2, false, 8};  // COMPLEX64
    case 15:
      return {kDoubleData, 2, false, 16};  // COMPLEX128
    case 16:
      return {kInt32Data, 1, false, 2};  // BFLOAT16
    case 17:
    case 18:
    case 19:
    case 20:  // FLOAT8E4M3FN ... FLOAT8E5M2FNUZ
      return {kInt32Data, 1, false, 1};
    case 21:
    case 22:
    case 23:  // UINT4, INT4, FLOAT4E2M1
      return {kInt32Data, 1, true, 1};
    case 24:
      return {kInt32Data, 1, false, 1};  // FLOAT8E8M0
    default:
      return {};
  }
}

bool checked_mul(std::uint64_t a, std::uint64_t b, std::uint64_t& out) {
  if (a != 0 && b > std::numeric_limits<std::uint64_t>::max() / a) return false;
  out = a * b;
  return true;
}

}  // namespace

bool is_payload_field(std::uint32_t field) {
  switch (field) {
    case kFloatData:
    case kInt32Data:
    case kStringData:
    case kInt64Data:
    case kRawData:
    case kDoubleData:
    case kUint64Data:
      return true;
    default:
      return false;
  }
}

const char* payload_field_name(std::uint32_t field) {
  switch (field) {
    case kFloatData:
      return "float_data";
    case kInt32Data:
      return "int32_data";
    case kStringData:
      return "string_data";
    case kInt64Data:
      return "int64_data";
    case kRawData:
      return "raw_data";
    case kDoubleData:
      return "double_data";
    case kUint64Data:
      return "uint64_data";
    default:
      return "?";
  }
}

int PayloadTally::slot(std::uint32_t field) {
  switch (field) {
    case kFloatData:
      return 0;
    case kInt32Data:
      return 1;
    case kStringData:
      return 2;
    case kInt64Data:
      return 3;
    case kRawData:
      return 4;
    case kDoubleData:
      return 5;
    case kUint64Data:
      return 6;
    default:
      return -1;
  }
}

void PayloadTally::scalar(std::uint32_t field, int wire_type) {
  const int s = slot(field);
  if (s < 0 || wire_type != scalar_wire_type(kind_of(field)) || kind_of(field) == Kind::kBytes) return;
  ++counts_[s];
}

std::string PayloadTally::length(std::uint32_t field, std::uint64_t length) {
  scanning_ = false;
  const int s = slot(field);
  if (s < 0) return {};
  switch (kind_of(field)) {
    case Kind::kBytes:
      if (field == kRawData) {
        raw_present_ = true;
        counts_[s] = length;  // a singular field: the last one wins
      } else {
        ++counts_[s];
      }
      return {};
    case Kind::kFixed32:
    case Kind::kFixed64: {
      const std::uint64_t size = kind_of(field) == Kind::kFixed32 ? 4 : 8;
      if (length % size != 0) {
        return std::string("packed ") + payload_field_name(field) + " of " + std::to_string(length) +
               " bytes is not a whole number of values";
      }
      counts_[s] += length / size;
      return {};
    }
    case Kind::kVarint:
      scanning_ = length > 0;
      scan_slot_ = s;
      varint_run_ = 0;
      return {};
  }
  return {};
}

void PayloadTally::body(std::string_view bytes) {
  for (char c : bytes) {
    if ((static_cast<unsigned char>(c) & 0x80) == 0) {
      ++counts_[scan_slot_];
      varint_run_ = 0;
    } else {
      ++varint_run_;
    }
  }
}

std::string PayloadTally::end_body() {
  if (!scanning_) return {};
  scanning_ = false;
  if (varint_run_ != 0) return "packed varints end inside a varint";
  return {};
}

std::uint64_t PayloadTally::count(std::uint32_t field) const {
  const int s = slot(field);
  return s < 0 ? 0 : counts_[s];
}

std::uint8_t PayloadTally::nonempty_mask() const {
  std::uint8_t mask = 0;
  for (std::uint32_t f = kFloatData; f <= kUint64Data; ++f) {
    if (is_payload_field(f) && nonempty(f)) mask |= static_cast<std::uint8_t>(1u << (f - kFloatData));
  }
  return mask;
}

std::string decode_tensor_head(std::string_view bytes, TensorHead& head, bool strict) {
  WireCursor c(bytes);
  while (c.next()) {
    const int wt = c.wire_type();
    auto wrong = [&](const char* what) {
      return std::string(what) + " (field " + std::to_string(c.field()) + ") has wire type " + std::to_string(wt);
    };
    switch (c.field()) {
      case kDims:
        if (wt == 0) {
          head.dims.push_back(static_cast<std::int64_t>(c.value()));
        } else if (wt == 2) {
          std::string_view packed = c.body();
          std::uint64_t v = 0;
          while (!packed.empty()) {
            if (!WireCursor::read_varint(packed, v)) return "packed dims end inside a varint";
            head.dims.push_back(static_cast<std::int64_t>(v));
          }
        } else if (strict) {
          return wrong("dims");
        }
        break;
      case kDataType:
        if (wt == 0) {
          head.data_type = static_cast<std::int32_t>(c.value());
          head.has_data_type = true;
        } else if (strict) {
          return wrong("data_type");
        }
        break;
      case kSegment:
        if (wt == 2)
          head.has_segment = true;
        else if (strict)
          return wrong("segment");
        break;
      case kName:
        if (wt == 2)
          head.name = std::string(c.body());
        else if (strict)
          return wrong("name");
        break;
      case kDataLocation:
        if (wt == 0)
          head.data_location = c.value();
        else if (strict)
          return wrong("data_location");
        break;
      case kExternalData:
        if (wt == 2) {
          // Protobuf keeps the last key and value of an entry, as onnx's loader sees them.
          std::pair<std::string, std::string> kv;
          WireCursor entry(c.body());
          while (entry.next()) {
            if (entry.wire_type() != 2) continue;
            if (entry.field() == 1) kv.first = std::string(entry.body());
            if (entry.field() == 2) kv.second = std::string(entry.body());
          }
          head.external_entries.push_back(std::move(kv));
        } else if (strict) {
          return wrong("external_data");
        }
        break;
      default:
        break;
    }
  }
  return c.error();
}

std::optional<TensorSizeFault> size_fault(const TensorHead& head, const PayloadTally& tally) {
  if (head.external() || head.has_segment) return std::nullopt;
  const Storage st = storage_of(head.data_type);
  if (st.field == 0) return std::nullopt;
  TensorSizeFault fault;
  fault.tensor = head.name;
  fault.data_type = head.data_type;
  fault.dims = head.dims;
  fault.field = payload_field_name(tally.raw_present() ? kRawData : st.field);
  std::uint64_t n = 1;
  for (std::size_t i = 0; i < head.dims.size(); ++i) {
    if (head.dims[i] < 0) {
      fault.problem = "dim " + std::to_string(i) + " is negative (" + std::to_string(head.dims[i]) + ")";
      return fault;
    }
    if (!checked_mul(n, static_cast<std::uint64_t>(head.dims[i]), n)) {
      fault.problem = "the element count overflows 64 bits";
      return fault;
    }
  }
  const std::uint64_t stored = st.packed_pairs ? n / 2 + n % 2 : n;  // 4-bit types: two per byte or int32
  if (tally.raw_present()) {
    if (st.raw_bytes == 0) {
      fault.problem = "string tensors cannot hold raw_data";
      return fault;
    }
    fault.bytes = true;
    fault.found = tally.count(kRawData);
    if (!checked_mul(stored, static_cast<std::uint64_t>(st.raw_bytes), fault.expected)) {
      fault.problem = "the byte count overflows 64 bits";
      return fault;
    }
  } else {
    fault.found = tally.count(st.field);
    if (!checked_mul(stored, static_cast<std::uint64_t>(st.per_element), fault.expected)) {
      fault.problem = "the element count overflows 64 bits";
      return fault;
    }
  }
  if (fault.found == fault.expected) return std::nullopt;
  return fault;
}

}  // namespace ohm::onnx::detail
