#include "validate/json_positions.h"

#include <algorithm>
#include <iterator>

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
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
         c == '+' || c == '.';
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
    Frame& f = stack_.back();
    f.key_pointer = f.pointer + "/" + pointer_token(k);
    out_.offsets_.emplace(f.key_pointer, quoted_start());
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
    bool array = false;
    std::size_t next_index = 0;
    std::string pointer;
    std::string key_pointer;
  };

  std::size_t consumed() const { return static_cast<std::size_t>(*furthest_ - text_.data()); }

  // The pointer of the value that starts now (and advances the array index).
  std::string next_pointer() {
    if (stack_.empty()) return {};
    Frame& f = stack_.back();
    if (!f.array) return f.key_pointer;
    return f.pointer + "/" + std::to_string(f.next_index++);
  }

  // A member's position is its key's; an array element's is its own first byte.
  void record(const std::string& pointer, std::size_t start) {
    if (!stack_.empty() && !stack_.back().array) return;  // recorded at the key
    out_.offsets_.emplace(pointer, start);
  }

  bool open(bool array) {
    std::string pointer = next_pointer();
    std::size_t c = consumed();
    record(pointer, c > 0 ? c - 1 : 0);
    stack_.push_back({array, 0, std::move(pointer), {}});
    return true;
  }

  bool close() {
    if (!stack_.empty()) stack_.pop_back();
    return true;
  }

  bool scalar() {
    // The lexer may have read one byte past a number; step back over it.
    std::size_t end = consumed();
    while (end > 0 && !is_literal_char(text_[end - 1])) --end;
    std::size_t start = end;
    while (start > 0 && is_literal_char(text_[start - 1])) --start;
    record(next_pointer(), start);
    return true;
  }

  bool quoted() {
    std::size_t start = quoted_start();
    record(next_pointer(), start);
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

std::optional<JsonSyntaxError> JsonPositions::index(std::string_view text, nlohmann::json* dom) {
  text_ = text;
  offsets_.clear();
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
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
  offsets_.clear();
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
  std::string p(pointer);
  for (;;) {
    auto it = offsets_.find(p);
    if (it != offsets_.end()) return locate(it->second);
    if (p.empty()) return {0, 0};
    auto slash = p.rfind('/');
    p.erase(slash == std::string::npos ? 0 : slash);
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
