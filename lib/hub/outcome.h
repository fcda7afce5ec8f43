#pragma once
// Outcome<T>: a value, or a failure that says which exit code it deserves.
// Result<T> carries only a message; hub operations must tell "the hub's data is
// wrong" (exit 1: no such model, sha mismatch, unsafe archive) from "could not
// run" (exit 2: network, unwritable cache, bad arguments).

#include <optional>
#include <string>
#include <utility>

namespace ohm::hub {

enum class FailureKind {
  kProblem,    // bad input found: exit 1
  kCannotRun,  // environment or arguments: exit 2
};

struct Failure {
  FailureKind kind = FailureKind::kCannotRun;
  std::string message;  // one line
  std::string code;     // stable check id of a problem ("hub.sha-mismatch"); empty for kCannotRun
};

inline Failure problem(std::string code, std::string message) {
  return {FailureKind::kProblem, std::move(message), std::move(code)};
}
inline Failure cannot_run(std::string message) {
  return {FailureKind::kCannotRun, std::move(message), {}};
}

template <typename T>
class [[nodiscard]] Outcome {
 public:
  Outcome(T value) : value_(std::move(value)) {}
  Outcome(Failure failure) : failure_(std::move(failure)) {}

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *value_; }
  T& operator*() { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  const Failure& failure() const { return failure_; }

 private:
  std::optional<T> value_;
  Failure failure_;
};

// Success without a value.
struct Done {};

}  // namespace ohm::hub
