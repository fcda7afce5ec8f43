#pragma once
// One-line progress displays on a terminal's stderr: generate's (models,
// bytes, speed) and fetch's downloads (bytes, speed). Sizes in core/units.

#include <chrono>
#include <cstdint>
#include <iosfwd>

#include "zoo/generate.h"

namespace ohm::cli {

class ProgressLine {
 public:
  // Shows nothing unless `enabled` (stderr is a terminal and not --quiet).
  ProgressLine(std::ostream& err, bool enabled);
  ~ProgressLine();
  void update(const zoo::Progress& p);
  // Clears the line so that what follows starts on a clean terminal line.
  void finish();

 private:
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

// "downloading: 12.3 MiB / 40.0 MiB" at most ten times a second.
class DownloadProgress {
 public:
  explicit DownloadProgress(std::ostream& err) : err_(err) {}
  ~DownloadProgress() { clear(); }
  void update(std::uint64_t done, std::uint64_t total);
  void clear();

 private:
  std::ostream& err_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace ohm::cli
