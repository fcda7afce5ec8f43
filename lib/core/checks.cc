#include "core/checks.h"

namespace ohm::check {

const std::vector<CheckInfo>& all_checks() {
#define OHM_CHECK_INFO(name, id, severity, generate_severity, meaning) \
  CheckInfo{id, Severity::severity, Severity::generate_severity, meaning},
  static const std::vector<CheckInfo> kAll = {OHM_CHECKS(OHM_CHECK_INFO)};
#undef OHM_CHECK_INFO
  return kAll;
}

const CheckInfo* find_check(std::string_view id) {
  for (const CheckInfo& c : all_checks()) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace ohm::check
