#include "validate/json_positions.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>

#include <nlohmann/json.hpp>

namespace ohm::validate {
namespace {

// A char iterator that publishes how far the parser has read.
class CountingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, const char** furthest) : at_(at), furthest_(furthest) {}
  reference operator*() const { return *at_; }
  CountingIterator& operator++() {
    ++at_;
    if (furthest_ && at_ > *furthest_) *furthest_ = at_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& o) const { return at_ == o.at_; }
  bool operator!=(const CountingIterator& o) const { return at_ != o.at_; }

 private:
  const char* at_;
  const char** furthest_;
};

bool is_literal_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' || c == '.';
}

// The opening quote of the string whose closing quote is at `close`.
std::size_t string_start(std::string_view text, std::size_t close) {
  for (std::size_t i = close; i-- > 0;) {
    if (text[i] != '"') continue;
    std::size_t slashes = 0;
    while (slashes < i && text[i - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 0) return i;
  }
  return 0;
}

// "~1" as "/" and "~0" as "~".
std::string unescape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

// The first byte of the token whose last byte is at `last`: a string, a
// number or literal, or one structural character.
std::size_t token_start(std::string_view text, std::size_t last) {
  if (last >= text.size()) return text.empty() ? 0 : text.size() - 1;
  if (text[last] == '"') return string_start(text, last);
  if (!is_literal_char(text[last])) return last;
  while (last > 0 && is_literal_char(text[last - 1])) --last;
  return last;
}

}  // namespace

// Records the start offset of every value (and of every member's key).
class PositionSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  // Builds the document into `dom` as it goes, when given.
  PositionSax(JsonPositions& out, std::string_view text, const char** furthest, nlohmann::json* dom)
      : out_(out), text_(text), furthest_(furthest), dom_(dom ? *dom : scratch_, false), build_(dom != nullptr) {}

  bool null() override { return scalar() && (!build_ || dom_.null()); }
  bool boolean(bool v) override { return scalar() && (!build_ || dom_.boolean(v)); }
  bool number_integer(number_integer_t v) override { return scalar() && (!build_ || dom_.number_integer(v)); }
  bool number_unsigned(number_unsigned_t v) override { return scalar() && (!build_ || dom_.number_unsigned(v)); }
  bool number_float(number_float_t v, const string_t& s) override {
    return scalar() && (!build_ || dom_.number_float(v, s));
  }
  bool string(string_t& v) override { return quoted() && (!build_ || dom_.string(v)); }
  bool binary(binary_t& v) override { return scalar() && (!build_ || dom_.binary(v)); }
  bool start_object(std::size_t n) override { return open(false) && (!build_ || dom_.start_object(n)); }
  bool start_array(std::size_t n) override { return open(true) && (!build_ || dom_.start_array(n)); }
  bool end_object() override { return close() && (!build_ || dom_.end_object()); }
  bool end_array() override { return close() && (!build_ || dom_.end_array()); }
  bool key(string_t& k) override {
    stack_.back().key_offset = quoted_start();
    return !build_ || dom_.key(k);
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    error_position = position;
    error_message = ex.what();
    return false;
  }

  std::size_t error_position = 0;
  std::string error_message;

 private:
  struct Frame {
    std::uint32_t node = 0;             // the container's node
    std::uint32_t key_offset = 0;       // objects: the key of the member whose value comes next
    std::vector<std::uint32_t> values;  // its values' nodes so far
  };

  std::size_t consumed() const { return static_cast<std::size_t>(*furthest_ - text_.data()); }

  // Adds the value starting at `start` to the tree; a member is placed at its key.
  std::uint32_t record(std::size_t start) {
    auto& nodes = out_.nodes_;
    const auto index = static_cast<std::uint32_t>(nodes.size());
    if (stack_.empty()) {
      nodes.push_back({static_cast<std::uint32_t>(start), 0, 0, false});
      return index;
    }
    Frame& f = stack_.back();
    f.values.push_back(index);
    const bool member = nodes[f.node].is_object;
    nodes.push_back({member ? f.key_offset : static_cast<std::uint32_t>(start), 0, 0, false});
    return index;
  }

  bool open(bool array) {
    std::size_t c = consumed();
    if (stack_.size() >= kMaxJsonDepth) {
      error_position = c;
      error_message = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
      return false;
    }
    std::uint32_t node = record(c > 0 ? c - 1 : 0);
    out_.nodes_[node].is_object = !array;
    stack_.push_back({node, 0, {}});
    return true;
  }

  // A container's values go to the index side by side.
  bool close() {
    if (stack_.empty()) return true;
    Frame& f = stack_.back();
    JsonPositions::Node& node = out_.nodes_[f.node];
    node.first = static_cast<std::uint32_t>(out_.children_.size());
    node.count = static_cast<std::uint32_t>(f.values.size());
    out_.children_.insert(out_.children_.end(), f.values.begin(), f.values.end());
    stack_.pop_back();
    return true;
  }

  bool scalar() {
    // The lexer may have read one byte past a number; step back over it.
    std::size_t end = consumed();
    while (end > 0 && !is_literal_char(text_[end - 1])) --end;
    std::size_t start = end;
    while (start > 0 && is_literal_char(text_[start - 1])) --start;
    record(start);
    return true;
  }

  bool quoted() {
    record(quoted_start());
    return true;
  }

  // The opening quote of the string whose closing quote was the last byte read.
  std::size_t quoted_start() const {
    std::size_t close = consumed();
    return close == 0 ? 0 : string_start(text_, close - 1);
  }

  JsonPositions& out_;
  std::string_view text_;
  const char** furthest_;
  nlohmann::json scratch_;
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> dom_;
  bool build_;
  std::vector<Frame> stack_;
};

void JsonPositions::index_lines(std::string_view text) {
  text_ = text;
  nodes_.clear();
  children_.clear();
  deeper_.reset();
  line_starts_.assign(1, 0);
  for (const char* at = text.data();
       (at = static_cast<const char*>(std::memchr(at, '\n', text.data() + text.size() - at)));) {
    ++at;
    line_starts_.push_back(static_cast<std::uint32_t>(at - text.data()));
  }
}

void JsonPositions::index_elements(std::string_view text, const std::vector<std::string_view>& elements) {
  index_lines(text);
  auto value_start = [&](std::size_t from) {
    return static_cast<std::uint32_t>(manifest::skip_json_space(text, from));
  };
  nodes_.push_back({value_start(0), 0, static_cast<std::uint32_t>(elements.size()), false});
  for (std::string_view e : elements) {
    children_.push_back(static_cast<std::uint32_t>(nodes_.size()));
    nodes_.push_back({value_start(static_cast<std::size_t>(e.data() - text.data())), 0, 0, false});
  }
  deeper_ = std::make_shared<Deeper>();
}

std::optional<JsonSyntaxError> JsonPositions::index(std::string_view text, nlohmann::json* dom) {
  // Offsets are 32 bits (a manifest is at most manifest::kMaxManifestBytes).
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    index_lines({});
    return JsonSyntaxError{1, 1, "larger than 4 GiB"};
  }
  index_lines(text);
  if (manifest::starts_with_byte_order_mark(text)) return JsonSyntaxError{1, 1, manifest::kByteOrderMarkRefused};
  const char* furthest = text.data();
  PositionSax sax(*this, text, &furthest, dom);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(CountingIterator(text.data(), &furthest),
                                   CountingIterator(text.data() + text.size(), nullptr), &sax);
  } catch (const std::exception& e) {
    sax.error_message = e.what();
    sax.error_position = static_cast<std::size_t>(furthest - text.data());
  }
  if (ok) return std::nullopt;
  nodes_.clear();
  children_.clear();
  if (dom) *dom = nlohmann::json();
  JsonSyntaxError err;
  // nlohmann's position is just past the offending token; point at its first byte.
  LineColumn lc = locate(token_start(text, sax.error_position > 0 ? sax.error_position - 1 : 0));
  err.line = lc.line;
  err.column = lc.column;
  err.message = sax.error_message;
  // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ".
  auto colon = err.message.find(": ");
  if (colon != std::string::npos) err.message = err.message.substr(colon + 2);
  return err;
}

LineColumn JsonPositions::locate(std::size_t offset) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  return {static_cast<int>(line), static_cast<int>(offset - start + 1)};
}

LineColumn JsonPositions::find(std::string_view pointer) const {
  if (nodes_.empty()) return {0, 0};
  if (deeper_ && std::count(pointer.begin(), pointer.end(), '/') > 1) {
    std::call_once(deeper_->once, [this] {
      auto* whole = new JsonPositions;
      whole->index(text_);
      deeper_->index = whole;
    });
    return deeper_->index->find(pointer);
  }
  std::size_t at = 0;
  while (!pointer.empty() && pointer[0] == '/') {
    std::size_t next = pointer.find('/', 1);
    std::string_view raw = pointer.substr(1, next == std::string_view::npos ? std::string_view::npos : next - 1);
    pointer = next == std::string_view::npos ? std::string_view() : pointer.substr(next);
    const Node& node = nodes_[at];
    std::optional<std::size_t> child;
    if (node.is_object) {
      std::string key = unescape_token(raw);
      for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
        if (key_at(nodes_[children_[i]].offset) == key) child = children_[i];  // the last duplicate wins, as parsed
      }
    } else {
      auto index = parse_int64(raw);
      if (index && *index >= 0 && static_cast<std::uint64_t>(*index) < node.count) {
        child = children_[node.first + static_cast<std::size_t>(*index)];
      }
    }
    if (!child) break;  // the nearest existing ancestor
    at = *child;
  }
  return locate(nodes_[at].offset);
}

std::string JsonPositions::key_at(std::uint32_t offset) const {
  std::size_t end = offset + 1;
  bool escaped = false;
  for (; end < text_.size() && text_[end] != '"'; ++end) {
    if (text_[end] == '\\') {
      escaped = true;
      ++end;
    }
  }
  if (!escaped) return std::string(text_.substr(offset + 1, end - offset - 1));
  // The parser accepted this string already: let it decode the escapes again.
  try {
    return nlohmann::json::parse(text_.substr(offset, end - offset + 1)).get<std::string>();
  } catch (const std::exception&) {
    return {};
  }
}

std::string pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string entry_pointer(std::size_t index, std::string_view a, std::string_view b) {
  std::string out = "/" + std::to_string(index);
  if (!a.empty()) out += "/" + pointer_token(a);
  if (!b.empty()) out += "/" + pointer_token(b);
  return out;
}

}  // namespace ohm::validate
