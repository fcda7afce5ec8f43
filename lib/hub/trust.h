#pragma once
// Whether a hub's files may be downloaded (SPEC 9). Local sources and
// onnx/models:main are trusted; any other remote needs --trust, or a "y" to a
// question asked on a terminal. Without a terminal there is nobody to ask.

#include <functional>
#include <string>

namespace ohm::hub {

enum class TrustDecision { kTrusted, kAsk, kRefuse };

// kTrusted for a trusted source or with --trust; kAsk when stdin is a terminal; else kRefuse.
TrustDecision decide_trust(bool source_trusted, bool trust_flag, bool stdin_is_terminal);

// The warning shown before the question (and, without a terminal, the error).
std::string untrusted_message(const std::string& hub_name);

// True for "y" or "yes", any case, surrounding spaces ignored; everything else is "no".
bool is_yes(const std::string& answer);

}  // namespace ohm::hub
