#include "progress_line.h"

#include <cstdio>
#include <ostream>

namespace ohm::cli {
namespace {

std::string megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

}  // namespace

ProgressLine::ProgressLine(std::ostream& err, bool enabled)
    : err_(err), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::finish() {
  if (shown_) err_ << "\r\033[K" << std::flush;
  shown_ = false;
  enabled_ = false;
}

void ProgressLine::update(const zoo::Progress& p) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && p.models_done != p.models_total) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.0f MB/s",
                seconds > 0 ? static_cast<double>(p.bytes_done) / 1e6 / seconds : 0.0);
  err_ << "\r\033[K" << p.models_done << "/" << p.models_total << " models, "
       << megabytes(p.bytes_done) << " of " << megabytes(p.bytes_total) << ", " << rate << std::flush;
  shown_ = true;
}

}  // namespace ohm::cli
