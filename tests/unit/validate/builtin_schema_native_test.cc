// The built-in schema's native check (builtin_schema_native.h) against
// valijson, the authority: on every entry tried, the native check passes an
// entry exactly when valijson finds nothing wrong with it, and a manifest it
// passes is read without a document.
#include "validate/builtin_schema_native.h"

#include <gtest/gtest.h>

#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/checks.h"
#include "hash/sha256.h"
#include "manifest/canonical_entry.h"
#include "manifest/json_io.h"
#include "temp_dir.h"
#include "validate/document_checks.h"
#include "validate/manifest_doc.h"
#include "validate/schema_check.h"
#include "validate/schema_guards.h"

namespace ohm::validate {
namespace {

using manifest::Entry;
using manifest::Json;
using testkit::source_file;

const SchemaChecker& builtin() {
  static const SchemaChecker checker = *SchemaChecker::compile(builtin_manifest_schema(), "built-in");
  return checker;
}

std::vector<Entry> sample_entries() {
  std::vector<Entry> out;
  for (const char* rel : {"samples/ONNX_HUB_MANIFEST.json", "tests/fixtures/zoo-b1eeaa1/ONNX_HUB_MANIFEST.json"}) {
    Diagnostics d;
    auto read = manifest::parse_manifest(source_file(rel), rel, d);
    EXPECT_TRUE(read) << rel;
    if (read) out.insert(out.end(), read->begin(), read->end());
  }
  return out;
}

// `e` as generate writes it, read back by the canonical scan (nullopt when
// what it holds has no canonical form: a float, a key the writer orders last).
std::optional<Entry> canonical(const Entry& e) {
  const std::string text = manifest::write_manifest(std::vector<Entry>{e});
  auto elements = manifest::split_array_elements(text);
  if (!elements || elements->size() != 1) return std::nullopt;
  return manifest::read_canonical_entry((*elements)[0]);
}

// Whether valijson (with the long-string guard) finds nothing wrong with `e`.
bool valijson_passes(const Entry& e) {
  return builtin().check(Json::parse(manifest::write_manifest(std::vector<Entry>{e}))).empty();
}

TEST(BuiltinSchemaNative, IsWrittenForTheBuiltInSchema) {
  // An edited schema turns the native check off (valijson alone then); this
  // fails until the check is brought in line with the edit and the hash with it.
  EXPECT_EQ(hash::sha256_hex(builtin_manifest_schema()), kNativeSchemaSha256);
  EXPECT_TRUE(builtin().native_check_applies());
  auto other = SchemaChecker::compile(std::string(builtin_manifest_schema()) + "\n", "edited");
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->native_check_applies());
}

TEST(BuiltinSchemaNative, PassesEveryPublishedEntry) {
  NativeSchemaCheck check;
  const std::vector<Entry> entries = sample_entries();
  ASSERT_GT(entries.size(), 100u);
  for (const Entry& e : entries) {
    auto c = canonical(e);
    ASSERT_TRUE(c) << e.model_path;
    EXPECT_TRUE(check.passes(*c)) << e.model_path;
    EXPECT_TRUE(valijson_passes(*c)) << e.model_path;
  }
}

// Each change to a valid entry, and the verdict both must give.
struct Mutation {
  const char* what;
  std::function<void(Entry&)> apply;
};

Json parse(const char* text) { return Json::parse(text); }

std::vector<Mutation> mutations() {
  const std::string long_text(kMaxMatchedString + 1, 'x');
  const std::string sha(64, 'a');
  auto ports = [](const char* json) { return [json](Entry& e) { e.io_ports = parse(json); }; };
  auto features = [](const char* json) { return [json](Entry& e) { e.extra_ports = parse(json); }; };
  auto side_files = [](const char* json) { return [json](Entry& e) { e.external_data = parse(json); }; };
  auto archive = [sha](std::optional<std::string> path, bool with_sha, bool with_bytes) {
    return [=](Entry& e) {
      e.model_with_data_path = path;
      e.model_with_data_sha = with_sha ? std::optional<std::string>(sha) : std::nullopt;
      e.model_with_data_bytes = with_bytes ? std::optional<std::uint64_t>(5) : std::nullopt;
    };
  };
  return {
      {"as published", [](Entry&) {}},
      {"empty model", [](Entry& e) { e.model.clear(); }},
      {"long model", [=](Entry& e) { e.model = long_text; }},
      {"long onnx_version", [=](Entry& e) { e.onnx_version = long_text; }},
      {"empty onnx_version", [](Entry& e) { e.onnx_version.clear(); }},
      {"negative opset", [](Entry& e) { e.opset_version = -1; }},
      {"opset 0", [](Entry& e) { e.opset_version = 0; }},
      {"upper-case sha", [](Entry& e) { e.model_sha = std::string(64, 'A'); }},
      {"short sha", [](Entry& e) { e.model_sha.pop_back(); }},
      {"sha with g", [](Entry& e) { e.model_sha[0] = 'g'; }},
      {"empty path", [](Entry& e) { e.model_path.clear(); }},
      {"absolute path", [](Entry& e) { e.model_path = "/a/b.onnx"; }},
      {"backslash", [](Entry& e) { e.model_path = "a\\b.onnx"; }},
      {"leading backslash", [](Entry& e) { e.model_path = "\\b.onnx"; }},
      {"dot-dot first", [](Entry& e) { e.model_path = "../b.onnx"; }},
      {"dot-dot inside", [](Entry& e) { e.model_path = "a/../b.onnx"; }},
      {"dot-dot last", [](Entry& e) { e.model_path = "a/.."; }},
      {"dot-dot alone", [](Entry& e) { e.model_path = ".."; }},
      {"dot-dot in a name", [](Entry& e) { e.model_path = "a/..b/c..onnx"; }},
      {"three dots", [](Entry& e) { e.model_path = "a/.../b.onnx"; }},
      {"dot first", [](Entry& e) { e.model_path = "./a.onnx"; }},
      {"empty component", [](Entry& e) { e.model_path = "a//b.onnx"; }},
      {"long path", [=](Entry& e) { e.model_path = "a/" + long_text; }},
      {"empty tag",
       [](Entry& e) {
         e.tags = {"x", ""};
       }},
      {"long tag", [=](Entry& e) { e.tags = {long_text}; }},
      {"no tags", [](Entry& e) { e.tags.clear(); }},
      {"ports", ports(R"({"inputs": [{"name": "x", "shape": [1, "N", null, -1], "type": "tensor-float"}],
                          "outputs": []})")},
      {"ports with another key", ports(R"({"inputs": [], "outputs": [], "more": [true]})")},
      {"port with another key",
       ports(R"({"inputs": [{"name": "x", "shape": [], "type": "t", "doc": {"a": false}}], "outputs": []})")},
      {"ports without outputs", ports(R"({"inputs": []})")},
      {"inputs not a list", ports(R"({"inputs": {}, "outputs": []})")},
      {"port without type", ports(R"({"inputs": [{"name": "x", "shape": []}], "outputs": []})")},
      {"port with empty type", ports(R"({"inputs": [{"name": "x", "shape": [], "type": ""}], "outputs": []})")},
      {"port type a number", ports(R"({"inputs": [{"name": "x", "shape": [], "type": 3}], "outputs": []})")},
      {"port name a number", ports(R"({"inputs": [], "outputs": [{"name": 1, "shape": [], "type": "t"}]})")},
      {"dim true", ports(R"({"inputs": [], "outputs": [{"name": "y", "shape": [true], "type": "t"}]})")},
      {"dim a list", ports(R"({"inputs": [], "outputs": [{"name": "y", "shape": [[1]], "type": "t"}]})")},
      {"shape not a list", ports(R"({"inputs": [], "outputs": [{"name": "y", "shape": "1", "type": "t"}]})")},
      {"port not an object", ports(R"({"inputs": ["x"], "outputs": []})")},
      {"ports a list", ports(R"([])")},
      {"long string in another key",
       [=](Entry& e) {
         e.io_ports = Json{{"inputs", Json::array()}, {"outputs", Json::array()}, {"n", long_text}};
       }},
      {"long key",
       [=](Entry& e) {
         e.io_ports = Json{{"inputs", Json::array()}, {"outputs", Json::array()}, {long_text, 1}};
       }},
      {"features", features(R"({"features": [{"name": "f", "shape": [1, 2]}]})")},
      {"no features", features(R"({})")},
      {"feature dim a string", features(R"({"features": [{"name": "f", "shape": ["N"]}]})")},
      {"feature without name", features(R"({"features": [{"shape": [1]}]})")},
      {"side files",
       side_files(
           R"([{"path": "a/w.bin", "sha": "0000000000000000000000000000000000000000000000000000000000000000", "bytes": 0}])")},
      {"no side files", side_files(R"([])")},
      {"side file with another key",
       side_files(
           R"([{"path": "a/w.bin", "sha": "0000000000000000000000000000000000000000000000000000000000000000", "bytes": 1, "x": 1}])")},
      {"side file without bytes",
       side_files(
           R"([{"path": "a/w.bin", "sha": "0000000000000000000000000000000000000000000000000000000000000000"}])")},
      {"side file negative bytes",
       side_files(
           R"([{"path": "a/w.bin", "sha": "0000000000000000000000000000000000000000000000000000000000000000", "bytes": -1}])")},
      {"side file outside",
       side_files(
           R"([{"path": "../w.bin", "sha": "0000000000000000000000000000000000000000000000000000000000000000", "bytes": 1}])")},
      {"side file bad sha", side_files(R"([{"path": "w.bin", "sha": "00", "bytes": 1}])")},
      {"side files an object", side_files(R"({"path": "w.bin"})")},
      {"archive", archive("a/m.tar.gz", true, true)},
      {"archive not .tar.gz", archive("a/m.zip", true, true)},
      {"archive absolute", archive("/a/m.tar.gz", true, true)},
      {"archive without sha", archive("a/m.tar.gz", false, true)},
      {"archive without bytes", archive("a/m.tar.gz", true, false)},
      {"archive sha alone", archive(std::nullopt, true, false)},
      {"archive bytes alone", archive(std::nullopt, false, true)},
      {"archive bad sha",
       [sha](Entry& e) {
         e.model_with_data_path = "a/m.tar.gz";
         e.model_with_data_sha = "A" + sha.substr(1);
         e.model_with_data_bytes = 1;
       }},
  };
}

TEST(BuiltinSchemaNative, AgreesWithValijsonOnEveryChange) {
  const std::vector<Entry> entries = sample_entries();
  ASSERT_FALSE(entries.empty());
  int passed = 0, refused = 0;
  std::set<std::string> not_asked;
  for (const Mutation& m : mutations()) {
    for (std::size_t i : {std::size_t{0}, entries.size() / 2, entries.size() - 1}) {
      Entry e = entries[i];
      m.apply(e);
      auto c = canonical(e);
      if (!c) {  // not in the writer's form: the check is never asked
        not_asked.insert(m.what);
        continue;
      }
      NativeSchemaCheck check;
      const bool native = check.passes(*c);
      EXPECT_EQ(native, valijson_passes(*c)) << m.what << " on " << e.model_path;
      (native ? passed : refused)++;
    }
  }
  EXPECT_GT(passed, 20);  // both verdicts were tried, many times
  EXPECT_GT(refused, 100);
  // Only values the canonical scan reads another way (ports and side files
  // of the other JSON type) are left out.
  EXPECT_EQ(not_asked, (std::set<std::string>{"ports a list", "side files an object"}));
}

TEST(BuiltinSchemaNative, RefusesWhatValijsonReadsOtherwiseThoughTheWritersBytesHoldNone) {
  // valijson reads integers as int64 (2^63 fails "minimum": 0) and counts
  // minLength up to a NUL; the canonical scan reads neither today.
  const Entry good = sample_entries().at(0);
  NativeSchemaCheck check;
  ASSERT_TRUE(check.passes(good));
  Entry e = good;
  e.model_bytes = std::uint64_t{1} << 63;
  EXPECT_FALSE(check.passes(e));
  e = good;
  e.model = std::string("\0x", 2);
  EXPECT_FALSE(check.passes(e));
  e = good;
  e.tags = {std::string("\0", 1)};
  EXPECT_FALSE(check.passes(e));
}

// The findings of `text` read with the built-in schema (the native check may
// spare the document) and with the same schema edited by a byte (valijson
// then judges), as code, place and message.
std::vector<std::string> both_ways(const std::string& text, bool* native) {
  static const SchemaChecker edited =
      *SchemaChecker::compile(std::string(builtin_manifest_schema()) + "\n", "built-in schema");
  std::vector<std::string> out[2];
  for (int i = 0; i < 2; ++i) {
    Diagnostics f;
    auto doc = read_manifest_doc(text, "M.json", f, i == 0 ? &builtin() : &edited);
    EXPECT_TRUE(doc);
    if (!doc) return {};
    if (i == 0) *native = doc->judged_natively;
    EXPECT_FALSE(i == 1 && doc->judged_natively);
    check_document(*doc, f);
    for (const Diagnostic& d : f.all()) out[i].push_back(format_text(d));
  }
  EXPECT_EQ(out[0], out[1]);
  return out[0];
}

TEST(BuiltinSchemaNative, PathFindingsWithoutADocumentAreTheDocumentsOnes) {
  // Paths the schema takes and the path checks do not: unsafe ones (a "."
  // component, a URL, a drive letter, an empty component) and unportable ones.
  std::vector<Entry> entries = sample_entries();
  entries.resize(8);
  const char* paths[] = {"./a.onnx", "http://h/a.onnx", "c:/a.onnx", "a//b.onnx", "a b.onnx", "a#b.onnx", "a%b.onnx"};
  for (std::size_t i = 0; i < std::size(paths); ++i) entries[i].model_path = paths[i];
  entries[7].model_with_data_path = "a b/m.tar.gz";
  entries[7].model_with_data_sha = std::string(64, '0');
  entries[7].model_with_data_bytes = 1;
  bool native = false;
  const std::vector<std::string> found = both_ways(manifest::write_manifest(entries), &native);
  EXPECT_TRUE(native);
  std::size_t unsafe = 0, unportable = 0;
  for (const std::string& f : found) {
    unsafe += f.find(check::kUnsafePath) != std::string::npos;
    unportable += f.find(check::kPathUnportable) != std::string::npos;
  }
  EXPECT_EQ(unsafe, 4u) << testing::PrintToString(found);
  EXPECT_EQ(unportable, 4u) << testing::PrintToString(found);
}

TEST(BuiltinSchemaNative, AManifestGenerateWroteIsReadWithoutADocument) {
  const std::string text = source_file("tests/fixtures/zoo-b1eeaa1/ONNX_HUB_MANIFEST.json");
  Diagnostics findings;
  auto doc = read_manifest_doc(text, "M.json", findings, &builtin());
  ASSERT_TRUE(doc);
  EXPECT_TRUE(doc->judged_natively);
  EXPECT_GT(doc->entries.size(), 100u);
  check_document(*doc, findings);
  EXPECT_TRUE(findings.all().empty()) << format_text(findings.all()[0]);

  // One entry in other bytes (its keys reordered), or one the check doubts:
  // the document is read and valijson judges, as before.
  for (auto edit : {std::pair<std::string, std::string>{"\"model\": ", "\"model\":  "},
                    std::pair<std::string, std::string>{"\"opset_version\": 1", "\"opset_version\": -1"}}) {
    std::string changed = text;
    changed.replace(changed.find(edit.first), edit.first.size(), edit.second);
    Diagnostics f;
    auto slow = read_manifest_doc(changed, "M.json", f, &builtin());
    ASSERT_TRUE(slow);
    EXPECT_FALSE(slow->judged_natively) << edit.second;
    EXPECT_EQ(slow->entries.size(), doc->entries.size());
    check_document(*slow, f);
    const bool schema_finding = !f.all().empty() && f.all()[0].code == check::kSchema;
    EXPECT_EQ(schema_finding, edit.second.find("-1") != std::string::npos) << edit.second;
  }
}

}  // namespace
}  // namespace ohm::validate
