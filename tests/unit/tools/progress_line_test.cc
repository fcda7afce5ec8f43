#include "progress_line.h"

#include <gtest/gtest.h>

#include <sstream>

namespace ohm::cli {
namespace {

TEST(ProgressText, ModelsBytesPercentSpeedAndEta) {
  zoo::Progress p{3, 8, 3u << 20, 10u << 20};
  EXPECT_EQ(progress_text(p, 2.0, "models"), "3/8 models, 3.0 MiB of 10.0 MiB (30%), 1.5 MiB/s, ETA 5s");
  p.bytes_done = p.bytes_total;
  p.models_done = 8;
  EXPECT_EQ(progress_text(p, 4.0, "models"), "8/8 models, 10.0 MiB of 10.0 MiB (100%), 2.5 MiB/s");
  // Pointer-only zoos have no bytes to go by: percent and ETA by models.
  zoo::Progress none{2, 8, 0, 0};
  EXPECT_EQ(progress_text(none, 1.0, "files"), "2/8 files, 0 B of 0 B (25%), 0 B/s, ETA 3s");
}

TEST(ProgressText, Downloads) {
  EXPECT_EQ(download_text(110u << 20, 256u << 20, 10.0), "42%, 110.0 MiB of 256.0 MiB, 11.0 MiB/s, ETA 13s");
  EXPECT_EQ(download_text(5u << 20, 0, 2.0), "5.0 MiB, 2.5 MiB/s");  // no Content-Length
  EXPECT_EQ(download_text(0, 100, 0.0), "0%, 0 B of 100 B, 0 B/s");
}

TEST(DownloadProgress, DrawsTheEndOfEachDownloadOnceAndClears) {
  std::ostringstream err;
  {
    DownloadProgress progress(err);
    progress.update(0, 0);
    progress.update(50, 100);  // throttled: within 100 ms of the first
    progress.update(100, 100);
    progress.update(100, 100);  // the 100% line only once
    progress.update(0, 200);    // the next download starts over
    progress.update(200, 200);
  }
  const std::string s = err.str();
  EXPECT_EQ(s.find("50 B of"), std::string::npos);
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("100%, 100 B of 100 B"), 1u);
  EXPECT_EQ(count("100%, 200 B of 200 B"), 1u);
  EXPECT_EQ(s.substr(s.size() - 4), "\r\033[K");  // cleared when it goes
}

TEST(ProgressLine, SilentUnlessEnabled) {
  std::ostringstream err;
  {
    ProgressLine off(err, false);
    off.update({1, 1, 1, 1});
  }
  EXPECT_EQ(err.str(), "");
  {
    ProgressLine on(err, true, "files");
    on.update({1, 1, 1, 1});
  }
  EXPECT_NE(err.str().find("1/1 files, 1 B of 1 B (100%)"), std::string::npos);
}

}  // namespace
}  // namespace ohm::cli
