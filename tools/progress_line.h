#pragma once
// One-line progress displays on a terminal's stderr, redrawn at most ten
// times a second: generate's and validate's models (and cache's files), and
// fetch's downloads, each with percent, bytes, speed and ETA. Sizes in
// core/units (binary units).

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "zoo/generate.h"

namespace ohm::cli {

// "3/8 models, 1.2 MiB of 4.0 MiB (30%), 12.3 MiB/s, ETA 3s"
std::string progress_text(const zoo::Progress& p, double seconds, const std::string& noun);

// "43%, 110.1 MiB of 256.0 MiB, 12.3 MiB/s, ETA 12s" (without a total: "110.1 MiB, 12.3 MiB/s")
std::string download_text(std::uint64_t done, std::uint64_t total, double seconds);

class ProgressLine {
 public:
  // Shows nothing unless `enabled` (stderr is a terminal and not --quiet).
  // `noun` counts the items: "models", "files".
  ProgressLine(std::ostream& err, bool enabled, std::string noun = "models");
  ~ProgressLine();
  void update(const zoo::Progress& p);
  // Clears the line so that what follows starts on a clean terminal line.
  void finish();

 private:
  std::ostream& err_;
  bool enabled_;
  std::string noun_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

// Runs `call(on_progress)` with a progress line on `err` while it works (shown
// only when `enabled`) and returns what the call returns.
template <class Call>
auto with_progress_line(std::ostream& err, bool enabled, const std::string& noun, Call call) {
  ProgressLine progress(err, enabled, noun);
  auto outcome = call([&progress](const zoo::Progress& p) { progress.update(p); });
  progress.finish();
  return outcome;
}

// "downloading: 43%, ..." for each download in turn.
class DownloadProgress {
 public:
  explicit DownloadProgress(std::ostream& err) : err_(err) {}
  ~DownloadProgress() { clear(); }
  void update(std::uint64_t done, std::uint64_t total);
  void clear();

 private:
  std::ostream& err_;
  bool shown_ = false;
  bool finished_shown_ = false;  // the 100% line of the current download was drawn
  std::uint64_t last_done_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace ohm::cli
