#include "hub/trust.h"

#include "core/text.h"

namespace ohm::hub {

TrustDecision decide_trust(bool source_trusted, bool trust_flag, bool stdin_is_terminal) {
  if (source_trusted || trust_flag) return TrustDecision::kTrusted;
  return stdin_is_terminal ? TrustDecision::kAsk : TrustDecision::kRefuse;
}

std::string untrusted_message(const std::string& hub_name) {
  return "the hub " + hub_name +
         " is not trusted: its files may be harmful. Only continue if you trust it (--trust skips this question)";
}

bool is_yes(const std::string& answer) {
  std::string a = to_lower(trim(answer));
  return a == "y" || a == "yes";
}

}  // namespace ohm::hub
