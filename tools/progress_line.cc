#include "progress_line.h"

#include <ostream>

#include "core/units.h"

namespace ohm::cli {
namespace {

using Clock = std::chrono::steady_clock;

int percent(std::uint64_t done, std::uint64_t total) {
  if (total == 0) return 0;
  return done >= total ? 100 : static_cast<int>(done * 100.0 / total);
}

// ", ETA 12s" when there is something left and a speed to go by.
std::string eta(std::uint64_t done, std::uint64_t total, double rate) {
  if (total == 0 || done >= total || rate <= 0) return {};
  return ", ETA " + format_duration((total - done) / rate);
}

}  // namespace

std::string progress_text(const zoo::Progress& p, double seconds, const std::string& noun) {
  const double rate = seconds > 0 ? p.bytes_done / seconds : 0.0;
  std::string text = std::to_string(p.models_done) + "/" + std::to_string(p.models_total) + " " + noun + ", " +
                     format_bytes(p.bytes_done) + " of " + format_bytes(p.bytes_total) + " (";
  text += std::to_string(p.bytes_total > 0 ? percent(p.bytes_done, p.bytes_total)
                                           : percent(p.models_done, p.models_total)) +
          "%), " + format_rate(rate);
  if (p.bytes_total > 0) {
    text += eta(p.bytes_done, p.bytes_total, rate);
  } else if (p.models_done > 0 && p.models_done < p.models_total) {
    text += ", ETA " + format_duration(seconds / p.models_done * (p.models_total - p.models_done));
  }
  return text;
}

std::string download_text(std::uint64_t done, std::uint64_t total, double seconds) {
  const double rate = seconds > 0 ? done / seconds : 0.0;
  std::string text;
  if (total > 0) text = std::to_string(percent(done, total)) + "%, ";
  text += format_bytes(done);
  if (total > 0) text += " of " + format_bytes(total);
  return text + ", " + format_rate(rate) + eta(done, total, rate);
}

ProgressLine::ProgressLine(std::ostream& err, bool enabled, std::string noun)
    : err_(err), enabled_(enabled), noun_(std::move(noun)), start_(Clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::finish() {
  if (shown_) err_ << "\r\033[K" << std::flush;
  shown_ = false;
  enabled_ = false;
}

void ProgressLine::update(const zoo::Progress& p) {
  if (!enabled_) return;
  auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && p.models_done != p.models_total) return;
  last_ = now;
  err_ << "\r\033[K" << progress_text(p, std::chrono::duration<double>(now - start_).count(), noun_) << std::flush;
  shown_ = true;
}

void DownloadProgress::update(std::uint64_t done, std::uint64_t total) {
  auto now = Clock::now();
  if (!shown_ || done < last_done_) {  // the first download, or the next one
    start_ = now;
    finished_shown_ = false;
  }
  last_done_ = done;
  const bool finished = total > 0 && done >= total;
  if (finished && finished_shown_) return;
  // Throttled, except that the 100% line is always drawn once.
  if (shown_ && !finished && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  finished_shown_ = finished;
  err_ << "\r\033[Kdownloading: " << download_text(done, total, std::chrono::duration<double>(now - start_).count())
       << std::flush;
  shown_ = true;
}

void DownloadProgress::clear() {
  if (shown_) err_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace ohm::cli
