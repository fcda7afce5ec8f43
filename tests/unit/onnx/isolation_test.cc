// The libonnx worker processes (onnx/isolation.h): a crash, a hang, an
// allocation without end and the sandbox each seen from the caller's side.
// The test binary is its own worker program (tests/support/test_main.cc).
#include "onnx/isolation.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/checks.h"
#include "fs/file_reader.h"
#include "model_builder.h"
#include "onnx/internal/worker_pool.h"
#include "onnx/model_reader.h"

namespace ohm::onnx {
namespace {

namespace op = ::onnx;
using detail::call_worker;
using detail::Frame;
using detail::WorkerOp;
using detail::WorkerReply;

Frame request(WorkerOp op) { return Frame{static_cast<std::uint32_t>(op), {}}; }

class IsolationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(isolation_enabled());
    saved_ = isolation_options();
  }
  void TearDown() override { set_isolation_options(saved_); }
  IsolationOptions saved_;
};

TEST_F(IsolationTest, ACrashIsAReplyAndTheNextRequestGetsAFreshWorker) {
  WorkerReply crashed = call_worker(request(WorkerOp::kTestCrash));
  EXPECT_EQ(crashed.kind, WorkerReply::Kind::kCrashed);
  WorkerReply probe = call_worker(request(WorkerOp::kTestProbe));
  EXPECT_EQ(probe.kind, WorkerReply::Kind::kAnswered);
}

TEST_F(IsolationTest, TheSandboxRefusesFilesAndSockets) {
  WorkerReply probe = call_worker(request(WorkerOp::kTestProbe));
  ASSERT_EQ(probe.kind, WorkerReply::Kind::kAnswered);
  ASSERT_FALSE(probe.answer.fields.empty());
  EXPECT_EQ(probe.answer.fields[0], "open=1 socket=1");  // EPERM from the seccomp filter
}

TEST_F(IsolationTest, AWorkerThatNeverAnswersTimesOut) {
  IsolationOptions o = saved_;
  o.timeout_ms = 300;
  set_isolation_options(o);
  WorkerReply spun = call_worker(request(WorkerOp::kTestSpin));
  EXPECT_EQ(spun.kind, WorkerReply::Kind::kTimedOut);
  set_isolation_options(saved_);
  EXPECT_EQ(call_worker(request(WorkerOp::kTestProbe)).kind, WorkerReply::Kind::kAnswered);
}

#if !defined(__SANITIZE_ADDRESS__)
TEST_F(IsolationTest, AnAllocationWithoutEndStopsAtTheMemoryLimit) {
  IsolationOptions o = saved_;
  o.memory_bytes = std::uint64_t{256} << 20;
  set_isolation_options(o);
  EXPECT_EQ(call_worker(request(WorkerOp::kTestHog)).kind, WorkerReply::Kind::kOutOfMemory);
}
#endif

TEST_F(IsolationTest, ThreadsShareThePool) {
  const std::string model = test::add_model(test::float_tensor("W", 4), 4).SerializeAsString();
  std::vector<std::thread> threads;
  std::vector<int> ok(6, 0);
  for (std::size_t t = 0; t < ok.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        ModelReader reader;
        reader.feed(model);
        FinishOptions options;
        options.run_checker = true;
        auto info = reader.finish({}, options);
        if (info && info->warnings.empty() && info->checker && info->checker->passed) ++ok[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 5);
}

// The crash corpus (tests/fixtures/crash_models): one warning each, ports as declared.
class CrashModelTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CrashModelTest, BecomesOneWarningAndDeclaredPorts) {
  const std::string path = std::string(OHM_SOURCE_DIR) + "/tests/fixtures/crash_models/" + GetParam() + ".onnx";
  auto bytes = fs::read_regular_file(path, 1 << 20);
  ASSERT_TRUE(bytes) << path;
  ModelReader reader;
  reader.feed(*bytes);
  FinishOptions options;
  options.run_checker = true;
  options.full_check = true;
  auto info = reader.finish({}, options);
  ASSERT_TRUE(info) << info.error();
  ASSERT_EQ(info->warnings.size(), 1u);
  // Refused before libonnx runs, not crashed: absurd ranks, STFT's short signal, ConvInteger's weights of
  // another rank than its input and GatherND's negative batch_dims (whose crashes depend on the heap's state).
  const bool refused = GetParam() == "constantofshape_rank" || GetParam() == "expand_rank" ||
                       GetParam() == "stft_rank1" || GetParam() == "convinteger_rank" ||
                       GetParam() == "gathernd_batch_dims";
  EXPECT_EQ(info->warnings[0].code, refused ? check::kInferenceFailed : check::kInferenceCrashed)
      << info->warnings[0].message;
  if (refused) {
    EXPECT_NE(info->warnings[0].message.find("refused before"), std::string::npos);
  }
  ASSERT_TRUE(info->checker);
  EXPECT_FALSE(info->checker->crashed);
  EXPECT_EQ(info->io_ports.outputs.size() >= 1, true);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CrashModelTest,
                         ::testing::Values("gathernd_batch_dims", "convinteger_rank", "layernorm_axis", "stft_rank1",
                                           "splittosequence_zero", "constantofshape_rank", "expand_rank",
                                           "layernorm_axis_in_chain"));

// The corpus's LayerNormalization crash with `before` Identity nodes ahead of
// it and `after` Relu nodes behind: the warning names it wherever it is.
TEST(CrashingNode, TheWarningNamesTheNodeInferenceCrashedOnWhereverItIs) {
  const std::string path = std::string(OHM_SOURCE_DIR) + "/tests/fixtures/crash_models/layernorm_axis.onnx";
  auto bytes = fs::read_regular_file(path, 1 << 20);
  ASSERT_TRUE(bytes) << path;
  for (auto [before, after] : {std::pair{0, 5}, std::pair{1, 0}, std::pair{3, 3}, std::pair{6, 1}, std::pair{8, 0}}) {
    op::ModelProto model;
    ASSERT_TRUE(model.ParseFromString(*bytes));
    op::GraphProto* graph = model.mutable_graph();
    const op::NodeProto crash = graph->node(0);
    graph->clear_node();
    // `count` one-input nodes of `op_type` after each other, from `value` on; returns the last one's output.
    auto add_chain = [graph](const char* op_type, const std::string& name, int count, std::string value) {
      for (int i = 0; i < count; ++i) {
        op::NodeProto* n = graph->add_node();
        n->set_op_type(op_type);
        n->set_name(name + std::to_string(i));
        n->add_input(value);
        n->add_output(value = name + "_out" + std::to_string(i));
      }
      return value;
    };
    const std::string into_crash = add_chain("Identity", "before", before, crash.input(0));
    op::NodeProto* ln = graph->add_node();
    *ln = crash;
    ln->set_input(0, into_crash);
    add_chain("Relu", "after", after, crash.output(0));
    ModelReader reader;
    reader.feed(model.SerializeAsString());
    auto info = reader.finish({}, {});
    ASSERT_TRUE(info) << info.error();
    ASSERT_EQ(info->warnings.size(), 1u) << before << " before, " << after << " after";
    EXPECT_EQ(info->warnings[0].code, check::kInferenceCrashed);
    EXPECT_NE(info->warnings[0].message.find("crashed on node \"" + crash.name() + "\" (LayerNormalization)"),
              std::string::npos)
        << before << " before, " << after << " after: " << info->warnings[0].message;
  }
}

}  // namespace
}  // namespace ohm::onnx
