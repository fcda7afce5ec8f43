// A manifest in write_manifest's own bytes is split by looking only at its
// "{"s (split_writer_elements), and its entries are copied back into a new
// manifest as they stand (parse_manifest's writer_texts,
// write_manifest_spliced): both must give exactly what the general reader
// and the writer give.
#include <gtest/gtest.h>

#include "manifest/canonical_entry.h"
#include "manifest/json_io.h"
#include "temp_dir.h"

namespace ohm::manifest {
namespace {

using testkit::source_file;

const char* const kPublished[] = {"samples/ONNX_HUB_MANIFEST.json",
                                  "tests/fixtures/zoo-b1eeaa1/ONNX_HUB_MANIFEST.json"};

// The entries of a manifest as the general reader reads them.
std::vector<Entry> entries_of(const std::string& text) {
  Diagnostics diags;
  auto read = parse_manifest(text, "m.json", diags);
  EXPECT_TRUE(read) << read.error();
  return read ? *read : std::vector<Entry>();
}

// The manifest rewritten with each entry copied from `text` where its writer
// bytes are known.
std::string spliced(const std::string& text, std::size_t* copied = nullptr) {
  Diagnostics diags;
  std::vector<TextSpan> texts;
  auto read = parse_manifest(text, "m.json", diags, &texts);
  EXPECT_TRUE(read);
  if (!read) return {};
  EXPECT_EQ(texts.size(), read->size());
  if (copied) *copied = 0;
  for (const TextSpan& t : texts) {
    if (copied && t.size > 0) ++*copied;
  }
  return write_manifest_spliced(
      read->size(), [&](std::size_t i) -> const Entry& { return (*read)[i]; },
      [&](std::size_t i) { return texts[i].in(text); });
}

TEST(WriterBytes, PublishedManifestsSplitByTheirBracesAsByEveryByte) {
  for (const char* rel : kPublished) {
    const std::string text = source_file(rel);
    auto fast = split_writer_elements(text), slow = split_array_elements(text);
    ASSERT_TRUE(fast && slow) << rel;
    EXPECT_EQ(*fast, *slow) << rel;
    EXPECT_GT(fast->size(), 1u);
    for (std::string_view element : *fast) EXPECT_TRUE(read_canonical_entry(element)) << element.substr(0, 80);
  }
}

TEST(WriterBytes, OnlyTheWritersFramingIsSplitByBraces) {
  const std::string text = source_file(kPublished[0]);
  for (const std::string& other : {text + "\n", " " + text, text.substr(0, text.size() - 1) + "  ]", std::string("[]"),
                                   std::string("[\n    {"), std::string("")}) {
    EXPECT_FALSE(split_writer_elements(other)) << other.substr(0, 20);
  }
  // One entry: no join at all.
  const std::string one = write_manifest(std::vector<Entry>(1, entries_of(text).front()));
  auto single = split_writer_elements(one);
  ASSERT_TRUE(single);
  EXPECT_EQ(*single, *split_array_elements(one));
}

TEST(WriterBytes, AJoinFoundInsideAnElementIsNotTakenForTheArraysStructure) {
  // Hand-formatted: an object at the second level written at four spaces,
  // after a comma, with the array's framing: the brace split cuts inside an
  // element, so its pieces are not read and the general reader decides.
  std::vector<Entry> entries = entries_of(source_file(kPublished[0]));
  entries.resize(2);
  std::string text = write_manifest(entries);
  const std::string key = "\"tags\": [";
  const std::size_t at = text.find(key);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, key.size(), "\"tags\": [{\"a\": 1},\n    {\n\"b\": 2}, ");
  auto fast = split_writer_elements(text), slow = split_array_elements(text);
  ASSERT_TRUE(fast && slow);
  EXPECT_EQ(fast->size(), 3u);
  EXPECT_EQ(slow->size(), 2u);
  Diagnostics diags;
  auto read = parse_manifest(text, "m.json", diags);
  ASSERT_TRUE(read) << read.error();
  EXPECT_EQ(read->size() + diags.all().size(), 2u);  // the first element, tags not strings, is rejected
  EXPECT_EQ(diags.all().size(), 1u);
}

TEST(WriterBytes, EntriesCopiedAsTheyStandGiveTheWritersBytes) {
  for (const char* rel : kPublished) {
    const std::string text = source_file(rel);
    std::size_t copied = 0;
    EXPECT_EQ(spliced(text, &copied), text) << rel;
    EXPECT_EQ(copied, entries_of(text).size()) << rel;  // every entry came as its bytes
  }
}

TEST(WriterBytes, AnEntryInOtherBytesIsWrittenAgainAndTheOthersCopied) {
  std::vector<Entry> entries = entries_of(source_file(kPublished[0]));
  ASSERT_GE(entries.size(), 3u);
  entries.resize(3);
  const std::string canonical = write_manifest(entries);
  // The second entry's model name with another spacing: not the writer's.
  std::string text = canonical;
  const std::size_t second = text.find("\"model\": ", text.find("\"model\": ") + 1);
  text.replace(second, 9, "\"model\":   ");
  std::size_t copied = 0;
  EXPECT_EQ(spliced(text, &copied), canonical);
  EXPECT_EQ(copied, 2u);
  // Read on several threads and by the element reader alike.
  std::vector<Entry> many(4000, entries[0]);
  for (std::size_t i = 0; i < many.size(); ++i) many[i].model_path = "m" + std::to_string(i) + ".onnx";
  const std::string big = write_manifest(many);
  ASSERT_GT(big.size(), 2u << 20);
  EXPECT_TRUE(spliced(big, &copied) == big);
  EXPECT_EQ(copied, many.size());
}

// A manifest read beside another (--changed-since's base beside the target's
// manifest) gives what parse_manifest gives, entry for entry and span for
// span, whatever the other holds; entries in the same bytes are the other's
// own, shared rather than read again.
TEST(WriterBytes, AManifestReadBesideAnotherIsWhatParseManifestReads) {
  const std::string base = source_file(kPublished[1]);
  Diagnostics diags;
  std::vector<TextSpan> want_spans;
  auto want = parse_manifest(base, "m.json", diags, &want_spans);
  ASSERT_TRUE(want);
  ASSERT_GE(want->size(), 100u);
  // The other manifest: `entries`, written by the writer and read back.
  auto beside = [&](std::vector<Entry> entries, std::size_t* shared) {
    const std::string other = write_manifest(entries);
    std::vector<TextSpan> other_spans;
    Diagnostics d;
    std::vector<Entry> known = *parse_manifest(other, "o.json", d, &other_spans);
    std::vector<std::string_view> known_texts;
    for (const TextSpan& t : other_spans) known_texts.push_back(t.in(other));
    std::vector<TextSpan> spans;
    auto got = parse_manifest_beside(base, "m.json", d, &spans, known, known_texts);
    EXPECT_TRUE(got);
    if (!got) return;
    EXPECT_TRUE(write_manifest(*got) == base);  // the same entries, in order
    EXPECT_EQ(spans.size(), want_spans.size());
    for (std::size_t i = 0; i < spans.size() && i < want_spans.size(); ++i) {
      EXPECT_EQ(spans[i].offset, want_spans[i].offset) << i;
      EXPECT_EQ(spans[i].size, want_spans[i].size) << i;
    }
    *shared = 0;
    for (const Entry& e : *got) {
      const std::string* text = e.io_ports.canonical_text(kMetadataIndent);
      for (const Entry& k : known) *shared += text && text == k.io_ports.canonical_text(kMetadataIndent);
    }
  };
  // Sharing is seen in the ports' text, which entries without ports lack.
  std::size_t with_ports = 0;
  for (const Entry& e : *want) with_ports += e.io_ports.canonical_text(kMetadataIndent) != nullptr;
  ASSERT_GE(with_ports, 100u);
  std::size_t shared = 0;
  beside(*want, &shared);
  EXPECT_EQ(shared, with_ports);  // all the other's
  std::vector<Entry> changed = *want;
  changed[5].model_sha = std::string(64, 'a');          // one entry differs
  changed.erase(changed.begin() + 40);                    // one the other lacks
  changed.insert(changed.begin() + 70, changed[69]);      // one it has twice
  changed.back().model_path += "-moved";                  // and one under another path
  beside(changed, &shared);
  EXPECT_GE(shared, with_ports - 6);
  EXPECT_LT(shared, with_ports);
  std::vector<Entry> reversed(want->rbegin(), want->rend());  // pairs with nothing in order
  beside(reversed, &shared);
  beside({}, &shared);
  EXPECT_EQ(shared, 0u);
  // Text not in the writer's bytes is parse_manifest's to read.
  std::string spaced = base;
  spaced.replace(spaced.find("\"model\": "), 9, "\"model\":   ");
  std::vector<TextSpan> spans;
  auto got = parse_manifest_beside(spaced, "m.json", diags, &spans, *want, {});
  ASSERT_TRUE(got);
  EXPECT_EQ(got->size(), want->size());
  EXPECT_EQ(spans[0].size, 0u);  // the first entry is in other bytes
}

}  // namespace
}  // namespace ohm::manifest
