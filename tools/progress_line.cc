#include "progress_line.h"

#include <ostream>

#include "core/units.h"

namespace ohm::cli {

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
  err_ << "\r\033[K" << p.models_done << "/" << p.models_total << " models, " << format_bytes(p.bytes_done) << " of "
       << format_bytes(p.bytes_total) << ", " << format_rate(seconds > 0 ? p.bytes_done / seconds : 0.0) << std::flush;
  shown_ = true;
}

void DownloadProgress::update(std::uint64_t done, std::uint64_t total) {
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  err_ << "\rdownloading: " << format_bytes(done);
  if (total > 0) err_ << " / " << format_bytes(total);
  err_ << std::flush;
  shown_ = true;
}

void DownloadProgress::clear() {
  if (shown_) err_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace ohm::cli
