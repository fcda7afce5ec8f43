#pragma once
// Exit codes of every command (SPEC 8; documented in README.md).

namespace ohm::cli {

// Done, and nothing wrong was found.
constexpr int kExitClean = 0;
// Problems found: errors in READMEs or models, a stale or invalid manifest,
// no such model, a sha mismatch, an unsafe archive.
constexpr int kExitProblems = 1;
// Could not run: bad arguments, unreadable repository, network, unwritable output.
constexpr int kExitCannotRun = 2;

}  // namespace ohm::cli
