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

}  // namespace
}  // namespace ohm::manifest
