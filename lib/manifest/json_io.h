#pragma once
// Reading and writing the manifest file.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "manifest/entry.h"

namespace ohm::manifest {

// The file a hub reads, at the zoo root.
constexpr const char* kManifestName = "ONNX_HUB_MANIFEST.json";
// Larger manifests are refused before reading (the zoo's is about 300 KB).
constexpr std::uint64_t kMaxManifestBytes = 256u << 20;

// The exact bytes of Python's json.dumps(entries, indent=4) (SPEC 1).
// Strings must be valid UTF-8 (check with core's is_valid_utf8 first).
std::string write_manifest(const std::vector<Entry>& entries);
// The same for `count` entries held elsewhere, `entry_at(i)` the i-th
// (called from several threads at once).
std::string write_manifest(std::size_t count, const std::function<const Entry&(std::size_t)>& entry_at);

// Where a piece of a text is: `size` bytes from `offset` (an offset, not a
// view, survives moving the string that holds it).
struct TextSpan {
  std::size_t offset = 0;
  std::size_t size = 0;
  std::string_view in(std::string_view text) const { return text.substr(offset, size); }
};

// write_manifest, but the i-th entry is `text_at(i)` copied as it is when
// that is not empty: the exact bytes write_manifest writes for it, as
// parse_manifest's writer_texts find them (entries kept from a manifest are
// not written again).
std::string write_manifest_spliced(std::size_t count, const std::function<const Entry&(std::size_t)>& entry_at,
                                   const std::function<std::string_view(std::size_t)>& text_at);

// Same formatting for any JSON value (inspect, list --format json).
std::string dump_python_style(const Json& value);

// Deeper documents are refused: a manifest needs 7 levels, and deeper ones
// would exhaust the stack of nlohmann's recursive copies and comparisons.
constexpr std::size_t kMaxJsonDepth = 64;

// How deeply arrays and objects nest in `text` (strings skipped; no parsing).
std::size_t json_nesting_depth(std::string_view text);

// nlohmann skips a UTF-8 byte-order mark; Python's json.load (the hub client)
// refuses it. Every reader of a manifest refuses it with this message, so that
// list, fetch and validate agree on what a manifest is.
inline bool starts_with_byte_order_mark(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }
inline constexpr const char* kByteOrderMarkRefused =
    "the file starts with a UTF-8 byte-order mark, which Python's json.load refuses";

// Converts one element of a manifest's array into `e`, moving its JSON values
// (ports, external_data, unknown metadata) out of `element`; false with `why`
// set when it lacks the SPEC 1 form.
bool entry_from_json(Json&& element, Entry* e, std::string* why);

// Parses manifest text, handing each element of its array to `each` (with its
// index) as soon as it is parsed: the whole document is never held. Fails as
// parse_manifest does.
Result<void> for_each_manifest_element(std::string_view text, const std::string& shown_path,
                                       const std::function<void(std::size_t index, Json&& element)>& each);

// The first offset from `i` on that is not JSON whitespace (space, tab, LF, CR).
std::size_t skip_json_space(std::string_view text, std::size_t i);

// The text of each element of the top-level array, found by one scan that
// skips strings and counts brackets (no parsing). nullopt unless the text is
// `[`, elements, `]` within kMaxJsonDepth (no byte order mark); what is wrong
// then is for a serial reader to say. An element that is not valid JSON is
// left for the element's own parse to find.
std::optional<std::vector<std::string_view>> split_array_elements(std::string_view text);

// The same views for text in write_manifest's exact framing ("[\n    {",
// elements joined by ",\n    {\n", "}\n]"), found by looking only at each "{"
// rather than at every byte. They are the array's elements when
// read_canonical_entry reads every one of them (no line inside such an
// element starts with four spaces and "{", and pieces cut elsewhere are not
// whole elements); otherwise split_array_elements says what the elements
// are. nullopt when the framing is not the writer's.
std::optional<std::vector<std::string_view>> split_writer_elements(std::string_view text);

// How many runs of contiguous elements a manifest of `text_bytes` split into
// `elements` is parsed in, each on its own thread: one per MiB, at most 8
// (and the machine's cores), at least 1.
std::size_t element_runs(std::size_t elements, std::size_t text_bytes);

// What one element of a manifest's array gave: its Entry, or why it is not
// one (with the model_path it names, if any).
struct ElementRead {
  std::size_t index = 0;
  std::optional<Entry> entry;
  std::string why;
  std::optional<std::string> model_path;
  bool canonical = false;  // read by the writer's-bytes scan (manifest/canonical_entry.h)
  std::string_view text;   // the element as split, when it was (a view of the manifest's text)

  // Where it is and what is wrong, as manifest.entry.invalid says it.
  std::string pointer() const { return "/" + std::to_string(index); }
  std::string problem() const { return "entry " + std::to_string(index) + ": " + why; }
};

// Reads every element of manifest text into an ElementRead, handed to `each`
// in array order. A large manifest's elements are split by one scan and
// parsed on every core (the same results); text that is not a plain array of
// JSON values goes to for_each_manifest_element, whose failure it returns.
Result<void> read_manifest_elements(std::string_view text, const std::string& shown_path,
                                    const std::function<void(ElementRead&&)>& each);

// Which elements read_split_elements accepts: any JSON value, or only those
// in the writer's exact bytes (the views of split_writer_elements).
enum class ElementForms { kAnyJson, kWriterBytesOnly };

// read_manifest_elements of elements split already (split_array_elements, or
// split_writer_elements with kWriterBytesOnly, of text of `text_bytes`):
// false, with nothing handed to `each`, when one is not JSON (or not in the
// writer's bytes).
bool read_split_elements(const std::vector<std::string_view>& elements, std::size_t text_bytes,
                         const std::function<void(ElementRead&&)>& each, ElementForms forms = ElementForms::kAnyJson);

// Parses manifest text, each element becoming an Entry as soon as it is read
// (the text and the entries are all it holds). Fails (with "line N, column M: ...") when the text is not
// JSON, nested deeper than kMaxJsonDepth, or not an array. Entries that lack the SPEC 1 form are reported to
// `diags` (code manifest.entry.invalid) and left out.
// With `writer_texts`, it receives for each entry returned where in `text`
// the writer's own bytes of it are (canonical_entry.h's writer_entry_text),
// or {0, 0} when the element is in other bytes: write_manifest_spliced
// copies those instead of writing the entry again.
Result<std::vector<Entry>> parse_manifest(std::string_view text, const std::string& shown_path, Diagnostics& diags,
                                          std::vector<TextSpan>* writer_texts = nullptr);

// parse_manifest of `text` beside a manifest read already: `known` its
// entries, `known_texts` each one's writer bytes (empty when it had others).
// An element of `text` in exactly the bytes of the known entry it pairs with
// (both in model_path order, as generate writes them) is that entry again,
// copied rather than read: --changed-since's base differs from the target's
// manifest only where rows changed. The same result as parse_manifest; it is
// parse_manifest itself unless every element of `text` is in the writer's
// bytes.
Result<std::vector<Entry>> parse_manifest_beside(std::string_view text, const std::string& shown_path,
                                                 Diagnostics& diags, std::vector<TextSpan>* writer_texts,
                                                 const std::vector<Entry>& known,
                                                 const std::vector<std::string_view>& known_texts);

}  // namespace ohm::manifest
