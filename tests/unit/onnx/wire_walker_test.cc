// WireWalker: what the rebuilt ModelProto keeps and drops, and how broken
// wire format is refused (one Error naming the byte, never a crash).
#include "onnx/internal/wire_walker.h"

#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "test_util.h"

namespace ohm::onnx::detail {
namespace {

using test::len_field;
using test::tag;
using test::varint;
using test::varint_field;

Result<std::string> walk(const std::string& bytes, std::size_t chunk = 0, WalkerLimits limits = {}) {
  WireWalker w(limits);
  if (chunk == 0) chunk = bytes.size() + 1;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) w.feed(std::string_view(bytes).substr(at, chunk));
  return w.finish();
}

::onnx::ModelProto parse(const std::string& bytes) {
  ::onnx::ModelProto m;
  EXPECT_TRUE(m.ParseFromString(bytes));
  return m;
}

std::string tensor(const std::string& name, std::int64_t dim, const std::string& raw) {
  return varint_field(1, static_cast<std::uint64_t>(dim)) + varint_field(2, 1) + len_field(8, name) + len_field(9, raw);
}

TEST(WireWalkerTest, DropsBigPayloadsAndMarksThem) {
  auto small = walk(test::read_fixture("big_weight"), 13);
  ASSERT_TRUE(small.ok()) << small.error();
  EXPECT_LT(small->size(), 1000u);
  auto m = parse(*small);
  ASSERT_EQ(m.graph().initializer_size(), 1);
  const auto& w = m.graph().initializer(0);
  EXPECT_EQ(w.name(), "W");
  EXPECT_EQ(w.dims_size(), 2);
  EXPECT_EQ(w.dims(0), 256);
  EXPECT_EQ(w.dims(1), 100);
  EXPECT_FALSE(w.has_raw_data());
  EXPECT_EQ(w.data_location(), ::onnx::TensorProto::EXTERNAL);
  EXPECT_EQ(m.producer_name(), "ohm-fixtures");
}

TEST(WireWalkerTest, KeepsSmallTensorsWhole) {
  const std::string bytes = test::read_fixture("reshape_initializer");
  auto small = walk(bytes, 1);
  ASSERT_TRUE(small.ok()) << small.error();
  auto m = parse(*small);
  ::onnx::ModelProto full = parse(bytes);
  EXPECT_EQ(m.graph().initializer(0).SerializeAsString(), full.graph().initializer(0).SerializeAsString());
  EXPECT_EQ(m.graph().node(0).SerializeAsString(), full.graph().node(0).SerializeAsString());
}

// metadata_props stay: the ONNX checker refuses duplicate keys.
TEST(WireWalkerTest, DropsDocStringsAndTrainingInfoKeepsMetadata) {
  const std::string graph = len_field(2, "g") + len_field(10, "graph doc");
  const std::string bytes = varint_field(1, 8) + len_field(6, "model doc") + len_field(7, graph) +
                            len_field(14, len_field(1, "k") + len_field(2, "v")) + len_field(20, len_field(1, graph));
  auto small = walk(bytes);
  ASSERT_TRUE(small.ok()) << small.error();
  auto m = parse(*small);
  EXPECT_EQ(m.ir_version(), 8);
  EXPECT_EQ(m.graph().name(), "g");
  EXPECT_FALSE(m.has_doc_string());
  EXPECT_FALSE(m.graph().has_doc_string());
  ASSERT_EQ(m.metadata_props_size(), 1);
  EXPECT_EQ(m.metadata_props(0).key(), "k");
  EXPECT_EQ(m.training_info_size(), 0);
}

TEST(WireWalkerTest, StreamsAHugePayloadWithoutKeepingIt) {
  // A graph whose one initializer has 256 MiB of raw_data, fed in 1 MiB chunks
  // that are never all in memory at once.
  const std::uint64_t payload = 256u << 20;
  const std::string head = varint_field(1, 1) + varint_field(2, 1) + len_field(8, "W") + tag(9, 2) + varint(payload);
  const std::string init_head = tag(5, 2) + varint(head.size() + payload);
  const std::string graph_head = tag(7, 2) + varint(init_head.size() + head.size() + payload);
  WireWalker w;
  w.feed(graph_head + init_head + head);
  const std::string zeros(1u << 20, '\0');
  for (std::uint64_t sent = 0; sent < payload; sent += zeros.size()) w.feed(zeros);
  w.feed(len_field(8, len_field(1, "") + varint_field(2, 13)));
  auto small = w.finish();
  ASSERT_TRUE(small.ok()) << small.error();
  EXPECT_LT(small->size(), 100u);
  auto m = parse(*small);
  EXPECT_EQ(m.graph().initializer(0).dims(0), 1);
  EXPECT_EQ(m.opset_import(0).version(), 13);
}

TEST(WireWalkerTest, TotalPayloadBudgetStripsLaterTensors) {
  WalkerLimits limits;
  limits.max_tensor_payload = 100;
  limits.max_total_payload = 150;
  const std::string raw(80, 'x');
  const std::string graph = len_field(5, tensor("a", 20, raw)) + len_field(5, tensor("b", 20, raw));
  auto small = walk(len_field(7, graph), 3, limits);
  ASSERT_TRUE(small.ok()) << small.error();
  auto m = parse(*small);
  EXPECT_EQ(m.graph().initializer(0).raw_data(), raw);
  EXPECT_FALSE(m.graph().initializer(1).has_raw_data());
  EXPECT_EQ(m.graph().initializer(1).data_location(), ::onnx::TensorProto::EXTERNAL);
}

TEST(WireWalkerTest, UnpackedRepeatedPayloadCountsTogether) {
  WalkerLimits limits;
  limits.max_tensor_payload = 30;
  std::string t = varint_field(1, 10) + varint_field(2, 7) + len_field(8, "t");
  for (int i = 0; i < 10; ++i) t += varint_field(7, 1000000);  // int64_data, unpacked: 4 bytes each
  auto small = walk(len_field(7, len_field(5, t)), 0, limits);
  ASSERT_TRUE(small.ok()) << small.error();
  auto m = parse(*small);
  EXPECT_EQ(m.graph().initializer(0).int64_data_size(), 0);
  EXPECT_EQ(m.graph().initializer(0).dims(0), 10);
}

TEST(WireWalkerTest, DropsHugeStringAttributes) {
  WalkerLimits limits;
  limits.max_string_attribute = 10;
  const std::string attr_small = len_field(1, "mode") + len_field(4, "linear");
  const std::string attr_big = len_field(1, "blob") + len_field(4, std::string(100, 'b'));
  const std::string node = len_field(4, "Custom") + len_field(5, attr_small) + len_field(5, attr_big);
  auto small = walk(len_field(7, len_field(1, node)), 0, limits);
  ASSERT_TRUE(small.ok()) << small.error();
  auto m = parse(*small);
  EXPECT_EQ(m.graph().node(0).attribute(0).s(), "linear");
  EXPECT_FALSE(m.graph().node(0).attribute(1).has_s());
}

TEST(WireWalkerTest, ExternalDataLocationIsReported) {
  const std::string t = varint_field(1, 4) + varint_field(2, 1) + len_field(8, "w") + varint_field(14, 1);
  WireWalker w;
  w.feed(len_field(7, len_field(5, t)));
  EXPECT_TRUE(w.uses_external_data());
  EXPECT_TRUE(w.finish().ok());
}

void expect_error(const Result<std::string>& r, const std::string& part) {
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find(part), std::string::npos) << r.error();
}

TEST(WireWalkerTest, DeepNestingIsRefused) {
  // graph > node > attribute > graph > ... 200 levels.
  std::string inner = len_field(2, "leaf");
  for (int i = 0; i < 200; ++i) inner = len_field(1, len_field(5, len_field(6, inner)));
  auto r = walk(len_field(7, inner), 64);
  expect_error(r, "nested deeper than");
}

TEST(WireWalkerTest, AbsurdLengthAtTopLevelIsTruncation) {
  auto r = walk(tag(7, 2) + varint(std::uint64_t{1} << 40) + "abc");
  expect_error(r, "truncated");
  auto r2 = walk(tag(9, 2) + varint(~std::uint64_t{0}) + "abc");
  expect_error(r2, "runs past");
}

TEST(WireWalkerTest, LengthPastTheEnclosingMessageIsRefused) {
  auto r = walk(len_field(7, tag(1, 2) + varint(1000) + "xyz"));
  expect_error(r, "runs past the end of its GraphProto");
}

TEST(WireWalkerTest, BadWireTypesAreRefused) {
  expect_error(walk(tag(7, 3) + tag(7, 4)), "group wire type");
  expect_error(walk(tag(7, 6)), "invalid wire type 6");
  expect_error(walk(tag(0, 0) + varint(1)), "invalid field number 0");
  expect_error(walk(tag(1, 0) + std::string(11, '\xff')), "varint longer than 10 bytes");
}

TEST(WireWalkerTest, WrongWireTypeForAMessageFieldDropsIt) {
  auto r = walk(varint_field(7, 5) + varint_field(1, 8));
  ASSERT_TRUE(r.ok()) << r.error();
  auto m = parse(*r);
  EXPECT_FALSE(m.has_graph());
  EXPECT_EQ(m.ir_version(), 8);
}

TEST(WireWalkerTest, FieldCrossingItsMessageEndIsRefused) {
  // The graph's length ends in the middle of a tag's varint.
  expect_error(walk(tag(7, 2) + varint(1) + "\x8a\x01"), "runs past the end of its GraphProto");
}

TEST(WireWalkerTest, StructureLimitIsEnforced) {
  WalkerLimits limits;
  limits.max_structure = 100;
  expect_error(walk(len_field(7, len_field(11, std::string(200, 'v'))), 0, limits), "structure");
}

// A walk by positional reads of `bytes` (walk_at_offsets, as
// ModelReader::read_structure makes it), reading `first_read` bytes after
// each stretch passed over.
struct SkippingWalk {
  Result<std::string> small = Error{"not walked"};
  std::string digest;
  std::size_t bytes_read = 0;
};

SkippingWalk walk_skipping(const std::string& bytes, std::size_t first_read) {
  WireWalker w;
  w.record_walk();
  SkippingWalk out;
  const auto failed = w.walk_at_offsets(
      bytes.size(),
      [&](std::uint64_t offset, char* into, std::size_t n) -> Result<std::size_t> {
        const std::string_view got = std::string_view(bytes).substr(static_cast<std::size_t>(offset), n);
        std::copy(got.begin(), got.end(), into);
        out.bytes_read += got.size();
        return got.size();
      },
      first_read);
  EXPECT_FALSE(failed);
  out.small = w.finish();
  out.digest = w.walk_digest();
  return out;
}

// feed() of every byte in chunks of `chunk`, recording the walk.
std::string fed_digest(const std::string& bytes, std::size_t chunk, Result<std::string>* small = nullptr) {
  WireWalker w;
  w.record_walk();
  for (std::size_t at = 0; at < bytes.size(); at += chunk) w.feed(std::string_view(bytes).substr(at, chunk));
  auto r = w.finish();
  if (small != nullptr) *small = std::move(r);
  return w.walk_digest();
}

TEST(WireWalkerTest, SkippingWhatItPassesOverGivesWhatFeedingEveryByteGives) {
  std::vector<std::pair<std::string, std::string>> models;
  for (const char* name : {"big_weight", "if_subgraph", "reshape_initializer", "sparse_passthrough", "external_data"}) {
    models.emplace_back(name, test::read_fixture(name));
  }
  // A file that ends with a payload passed over: the skip itself leaves its messages.
  models.emplace_back("ends with a payload", len_field(8, len_field(1, "") + varint_field(2, 13)) +
                                                 len_field(7, len_field(5, tensor("W", 1, std::string(200000, 'x')))));
  for (const auto& [name, bytes] : models) {
    ASSERT_FALSE(bytes.empty()) << name;
    Result<std::string> whole = Error{""};
    const std::string digest = fed_digest(bytes, bytes.size(), &whole);
    ASSERT_TRUE(whole.ok()) << name << ": " << whole.error();
    EXPECT_FALSE(digest.empty());
    for (std::size_t chunk : {1, 7, 512}) EXPECT_EQ(fed_digest(bytes, chunk), digest) << name << " chunk " << chunk;
    for (std::size_t read_size : {1, 7, 512, 1 << 20}) {
      const SkippingWalk walked = walk_skipping(bytes, read_size);
      ASSERT_TRUE(walked.small.ok()) << name << ": " << walked.small.error();
      EXPECT_EQ(*walked.small, *whole) << name << " read " << read_size;
      EXPECT_EQ(walked.digest, digest) << name << " read " << read_size;
    }
  }
  // big_weight is one 100 KB payload: a walk reads little more than its structure.
  const std::string big = test::read_fixture("big_weight");
  EXPECT_LT(walk_skipping(big, 512).bytes_read, big.size() / 10);
}

TEST(WireWalkerTest, WalkDigestChangesWithABytesLookedAtNotWithOnePassedOver) {
  const std::string bytes = test::read_fixture("big_weight");
  const std::string digest = fed_digest(bytes, 4096);
  std::string payload_changed = bytes;
  payload_changed[bytes.size() / 2] ^= 0x55;  // inside W's 100 KB of raw_data
  EXPECT_EQ(fed_digest(payload_changed, 4096), digest);
  std::string producer_changed = bytes;
  const std::size_t at = bytes.find("ohm-fixtures");
  ASSERT_NE(at, std::string::npos);
  producer_changed[at] = 'O';
  EXPECT_NE(fed_digest(producer_changed, 4096), digest);
  EXPECT_NE(walk_skipping(producer_changed, 512).digest, digest);
  // A file that ends sooner ends the walk elsewhere, however it was walked.
  const std::string cut = bytes.substr(0, bytes.size() - 10);
  Result<std::string> fed = Error{""};
  const std::string cut_digest = fed_digest(cut, 4096, &fed);
  EXPECT_NE(cut_digest, digest);
  const SkippingWalk skipped = walk_skipping(cut, 512);
  EXPECT_EQ(skipped.digest, cut_digest);
  ASSERT_FALSE(fed.ok());
  ASSERT_FALSE(skipped.small.ok());
  EXPECT_EQ(skipped.small.error(), fed.error());
}

TEST(WireWalkerTest, EveryChunkingGivesTheSameBytes) {
  const std::string bytes = test::read_fixture("if_subgraph");
  auto whole = walk(bytes);
  ASSERT_TRUE(whole.ok()) << whole.error();
  for (std::size_t chunk = 1; chunk < 20; ++chunk) {
    auto r = walk(bytes, chunk);
    ASSERT_TRUE(r.ok()) << r.error();
    EXPECT_EQ(*r, *whole) << "chunk " << chunk;
  }
}

}  // namespace
}  // namespace ohm::onnx::detail
