#include "core/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <utility>
#include <vector>

namespace ohm {
namespace {

TEST(LargestFirst, OrdersBySizeKeepingTies) {
  EXPECT_EQ(largest_first({3, 10, 3, 0, 10}), (std::vector<std::size_t>{1, 4, 0, 2, 3}));
  EXPECT_TRUE(largest_first({}).empty());
}

TEST(ForEachParallel, RunsEveryPieceOnceAndAtMostJobsAtATime) {
  for (unsigned jobs : {1u, 2u, 8u}) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < 100; ++i) order.push_back(99 - i);
    std::vector<std::atomic<int>> runs(100);
    std::atomic<unsigned> running{0}, most{0};
    for_each_parallel(order, jobs, [&](std::size_t i) {
      const unsigned now = ++running;
      unsigned seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      ++runs[i];
      --running;
    });
    for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i].load(), 1) << i;
    EXPECT_LE(most.load(), jobs);
  }
}

TEST(ForEachParallel, WithOneJobKeepsTheOrderGiven) {
  std::vector<std::size_t> seen;
  for_each_parallel({2, 0, 1}, 1, [&](std::size_t i) { seen.push_back(i); });
  EXPECT_EQ(seen, (std::vector<std::size_t>{2, 0, 1}));
  for_each_parallel({}, 4, [&](std::size_t) { FAIL(); });
}

TEST(ForEachRun, SplitsTheRangeIntoContiguousRunsEachTakenOnce) {
  for (std::size_t count : {0u, 1u, 7u, 1000u}) {
    for (std::size_t runs : {1u, 3u, 8u}) {
      std::vector<std::atomic<int>> hits(count);
      std::vector<std::pair<std::size_t, std::size_t>> bounds(runs);
      for_each_run(count, runs, 2, [&](std::size_t r, std::size_t from, std::size_t to) {
        bounds[r] = {from, to};
        for (std::size_t i = from; i < to; ++i) ++hits[i];
      });
      for (std::size_t r = 0; r < runs; ++r) {
        EXPECT_EQ(bounds[r].first, count * r / runs);
        EXPECT_EQ(bounds[r].second, count * (r + 1) / runs);
      }
      for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(hits[i], 1) << count << " " << runs << " " << i;
    }
  }
}

TEST(DefaultJobs, IsAtLeastOne) { EXPECT_GE(default_jobs(), 1u); }

}  // namespace
}  // namespace ohm
