#include "manifest/canonical_entry.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace ohm::manifest {
namespace {

// Deeper values, and objects with more keys, go to the parser (which also
// finds repeated keys, collapsed there, that this scan would have to compare).
constexpr int kMaxDepth = 16;
constexpr std::size_t kMaxKeys = 32;
// Digits of an integer both int64 and uint64 hold, however written.
constexpr std::size_t kMaxDigits = 18;

// A cursor over one element that accepts only the writer's bytes
// (json.dumps(indent=4) with ensure_ascii, at the array's first level).
class Scan {
 public:
  explicit Scan(std::string_view text) : t_(text) {}

  bool at_end() const { return i_ == t_.size(); }
  bool peek(char c) const { return i_ < t_.size() && t_[i_] == c; }
  std::size_t pos() const { return i_; }
  std::string_view since(std::size_t from) const { return t_.substr(from, i_ - from); }

  bool literal(std::string_view s) {
    if (t_.compare(i_, s.size(), s) != 0) return false;
    i_ += s.size();
    return true;
  }

  // "\n" and `indent` spaces.
  bool line(int indent) {
    static const std::string kSpaces(4 * kMaxDepth + 16, ' ');
    const std::size_t n = static_cast<std::size_t>(indent);
    if (n > kSpaces.size() || i_ + 1 + n > t_.size() || t_[i_] != '\n' ||
        std::memcmp(t_.data() + i_ + 1, kSpaces.data(), n) != 0) {
      return false;
    }
    i_ += 1 + n;
    return true;
  }

  // A string of printable ASCII whose only escapes are \" and \\ (what the
  // writer gives for those bytes and leaves everything else as it is);
  // unescaped into `out` when given.
  bool string(std::string* out) {
    if (i_ >= t_.size() || t_[i_] != '"') return false;
    const std::size_t start = ++i_;
    bool escaped = false;
    for (; i_ < t_.size(); ++i_) {
      const unsigned char c = static_cast<unsigned char>(t_[i_]);
      if (c == '"') break;
      if (c < 0x20 || c > 0x7E) return false;
      if (c == '\\') {
        if (i_ + 1 >= t_.size() || (t_[i_ + 1] != '"' && t_[i_ + 1] != '\\')) return false;
        escaped = true;
        ++i_;
      }
    }
    if (i_ >= t_.size()) return false;
    if (out) {
      const std::string_view raw = t_.substr(start, i_ - start);
      if (!escaped) {
        out->assign(raw);
      } else {
        out->clear();
        for (std::size_t k = 0; k < raw.size(); ++k) *out += raw[k] == '\\' ? raw[++k] : raw[k];
      }
    }
    ++i_;
    return true;
  }

  // An integer as the writer gives it: no sign unless `negative_ok`, no
  // leading zero, no "-0", no fraction or exponent.
  bool integer(bool negative_ok, std::int64_t* out) {
    const bool negative = i_ < t_.size() && t_[i_] == '-';
    if (negative) {
      if (!negative_ok) return false;
      ++i_;
    }
    const std::size_t digits_from = i_;
    std::int64_t v = 0;
    for (; i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9'; ++i_) {
      if (i_ - digits_from < kMaxDigits) v = v * 10 + (t_[i_] - '0');  // longer ones are refused below
    }
    const std::size_t digits = i_ - digits_from;
    if (digits == 0 || digits > kMaxDigits || (digits > 1 && t_[digits_from] == '0')) return false;
    if (negative && v == 0) return false;
    if (i_ < t_.size() && (t_[i_] == '.' || t_[i_] == 'e' || t_[i_] == 'E')) return false;
    if (out) *out = negative ? -v : v;
    return true;
  }

  // Any value, its nested lines indented from `indent`.
  bool value(int indent, int depth) {
    if (i_ >= t_.size() || depth > kMaxDepth) return false;
    switch (t_[i_]) {
      case '"':
        return string(nullptr);
      case '{':
        return object(indent, depth);
      case '[':
        return array(indent, depth);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return integer(true, nullptr);
    }
  }

 private:
  bool object(int indent, int depth) {
    if (literal("{}")) return true;
    ++i_;
    std::vector<std::string_view> keys;
    do {
      if (!line(indent + 4)) return false;
      const std::size_t key_at = i_;
      if (!string(nullptr)) return false;
      const std::string_view key = since(key_at);
      for (std::string_view k : keys) {
        if (k == key) return false;  // the parser keeps one of them
      }
      if (keys.size() == kMaxKeys) return false;
      keys.push_back(key);
      if (!literal(": ") || !value(indent + 4, depth + 1)) return false;
    } while (literal(","));
    return line(indent) && literal("}");
  }

  bool array(int indent, int depth) {
    if (literal("[]")) return true;
    ++i_;
    do {
      if (!line(indent + 4) || !value(indent + 4, depth + 1)) return false;
    } while (literal(","));
    return line(indent) && literal("]");
  }

  std::string_view t_;
  std::size_t i_ = 0;
};

// `"name": ` on its own line at `indent`, after a comma unless it is the first.
bool key(Scan& s, int indent, const char* name, bool first = false) {
  if (!first && !s.literal(",")) return false;
  return s.line(indent) && s.literal("\"") && s.literal(name) && s.literal("\": ");
}

bool unsigned_field(Scan& s, std::uint64_t* out) {
  std::int64_t v = 0;
  if (!s.integer(false, &v)) return false;
  *out = static_cast<std::uint64_t>(v);
  return true;
}

// `"name": ` at the metadata's indent when it comes next (the cursor stays
// put when it does not).
bool optional_key(Scan& s, const char* name) {
  Scan ahead = s;
  if (!key(ahead, kMetadataIndent, name)) return false;
  s = ahead;
  return true;
}

// A value that opens with `opening` ('{' or '['), kept as its text.
bool text_field(Scan& s, char opening, SharedJson* out) {
  const std::size_t from = s.pos();
  if (!s.peek(opening) || !s.value(kMetadataIndent, 3)) return false;
  *out = SharedJson::from_canonical_text(std::string(s.since(from)), kMetadataIndent);
  return true;
}

bool string_field(Scan& s, std::optional<std::string>* out) {
  std::string v;
  if (!s.string(&v)) return false;
  *out = std::move(v);
  return true;
}

bool unsigned_field(Scan& s, std::optional<std::uint64_t>* out) {
  std::uint64_t v = 0;
  if (!unsigned_field(s, &v)) return false;
  *out = v;
  return true;
}

// The metadata keys after "tags", each optional, in the writer's order; an
// unknown key (kept last by the parser) is left to it.
bool optional_fields(Scan& s, Entry& e) {
  if (optional_key(s, "io_ports") && !text_field(s, '{', &e.io_ports)) return false;
  if (optional_key(s, "extra_ports") && !text_field(s, '{', &e.extra_ports)) return false;
  if (optional_key(s, "model_with_data_path") && !string_field(s, &e.model_with_data_path)) return false;
  if (optional_key(s, "model_with_data_sha") && !string_field(s, &e.model_with_data_sha)) return false;
  if (optional_key(s, "model_with_data_bytes") && !unsigned_field(s, &e.model_with_data_bytes)) return false;
  if (optional_key(s, "external_data") && !text_field(s, '[', &e.external_data)) return false;
  return true;
}

}  // namespace

std::optional<Entry> read_canonical_entry(std::string_view element) {
  Scan s(element);
  Entry e;
  std::int64_t opset = 0;
  if (!s.line(4) || !s.literal("{")) return std::nullopt;
  if (!key(s, 8, "model", true) || !s.string(&e.model)) return std::nullopt;
  if (!key(s, 8, "model_path") || !s.string(&e.model_path)) return std::nullopt;
  if (!key(s, 8, "onnx_version") || !s.string(&e.onnx_version)) return std::nullopt;
  if (!key(s, 8, "opset_version") || !s.integer(true, &opset)) return std::nullopt;
  e.opset_version = opset;
  if (!key(s, 8, "metadata") || !s.literal("{")) return std::nullopt;
  if (!key(s, kMetadataIndent, "model_sha", true) || !s.string(&e.model_sha)) return std::nullopt;
  if (!key(s, kMetadataIndent, "model_bytes") || !unsigned_field(s, &e.model_bytes)) return std::nullopt;
  if (!key(s, kMetadataIndent, "tags")) return std::nullopt;
  if (!s.literal("[]")) {
    if (!s.literal("[")) return std::nullopt;
    do {
      std::string tag;
      if (!s.line(kMetadataIndent + 4) || !s.string(&tag)) return std::nullopt;
      e.tags.push_back(std::move(tag));
    } while (s.literal(","));
    if (!s.line(kMetadataIndent) || !s.literal("]")) return std::nullopt;
  }
  if (!optional_fields(s, e)) return std::nullopt;
  if (!s.line(8) || !s.literal("}") || !s.line(4) || !s.literal("}")) return std::nullopt;
  if (!s.at_end() && !(s.literal("\n") && s.at_end())) return std::nullopt;
  return e;
}

std::string_view writer_entry_text(std::string_view element) {
  constexpr std::size_t kBefore = 5;  // "\n    "
  if (element.size() <= kBefore) return {};
  element.remove_prefix(kBefore);
  if (element.back() == '\n') element.remove_suffix(1);
  return element;
}

}  // namespace ohm::manifest
