#pragma once
// What list, info and fetch share: the hub source flags (SPEC 9), network
// knobs, opening the hub, and turning a hub failure into output and an exit code.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "context.h"
#include "hub/hub.h"
#include "hub/outcome.h"

namespace ohm::cli {

struct HubFlags {
  hub::SourceFlags source;
  bool trust = false;
  long connect_timeout_s = 20;
  long stall_timeout_s = 30;
  int retries = 2;
};

// Adds --manifest, --repo, --hub, --trust, --connect-timeout, --stall-timeout, --retries.
void add_hub_flags(CLI::App& cmd, HubFlags& flags);

hub::HttpOptions http_options(const HubFlags& flags);

// Prints `failure`: a problem as one SPEC 8 line about `file` (plus the summary
// line "<what>: 1 error"), anything else as a fatal error. Returns its exit code.
int report_failure(const Context& ctx, const hub::Failure& failure, const std::string& file,
                   int line, const std::string& what, Diagnostics& diags);

// Opens the hub the flags name. On failure reports it, sets *exit_code and returns nullopt.
std::optional<hub::OpenedHub> open_hub_or_report(const HubFlags& flags, bool with_content,
                                                 const Context& ctx, const std::string& what,
                                                 Diagnostics& diags, int* exit_code);

}  // namespace ohm::cli
