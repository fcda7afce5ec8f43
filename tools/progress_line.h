#pragma once
// A one-line progress display on a terminal's stderr (models, bytes, MB/s).

#include <chrono>
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

}  // namespace ohm::cli
