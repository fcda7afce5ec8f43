#include "core/units.h"

#include <cmath>
#include <cstdio>

namespace ohm {
namespace {

std::string scaled(double v, const char* suffix) {
  static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int unit = 0;
  while (v >= 1024 && unit < 4) {
    v /= 1024;
    ++unit;
  }
  char buf[48];
  if (unit == 0) {
    std::snprintf(buf, sizeof buf, "%.0f %s%s", v, kUnits[0], suffix);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f %s%s", v, kUnits[unit], suffix);
  }
  return buf;
}

}  // namespace

std::string format_bytes(std::uint64_t bytes) { return scaled(static_cast<double>(bytes), ""); }

std::string format_rate(double bytes_per_second) {
  return scaled(std::isfinite(bytes_per_second) && bytes_per_second > 0 ? bytes_per_second : 0.0, "/s");
}

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%llds", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%lldm%02llds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lldh%02lldm", s / 3600, (s % 3600) / 60);
  }
  return buf;
}

}  // namespace ohm
