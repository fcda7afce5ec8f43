#pragma once
// Result<T>: a value, or the Error that stopped the call. C++17 has no
// std::expected; this is the small subset we use. One error type serves every
// layer: its kind says which exit code it deserves, and where it has them it
// carries a stable check id and a location.

#include <optional>
#include <string>
#include <utility>

namespace ohm {

enum class ErrorKind {
  kCannotRun,  // environment, arguments, I/O, network: exit 2
  kProblem,    // bad input found (no such model, sha mismatch, unsafe archive): exit 1
};

// An error that stopped a call. `message` is one line; `code` is a check id
// (always set for problems); `file`/`line` locate it when it has a place.
struct Error {
  Error() = default;
  explicit Error(std::string m) : message(std::move(m)) {}
  Error(std::string m, ErrorKind k, std::string c, std::string f = {}, int l = 0)
      : message(std::move(m)), kind(k), code(std::move(c)), file(std::move(f)), line(l) {}

  std::string message;
  ErrorKind kind = ErrorKind::kCannotRun;
  std::string code;
  std::string file;
  int line = 0;
  bool transient = false;  // worth another attempt (a dropped connection, a 5xx)
};

// An error that makes the command exit 2.
inline Error cannot_run(std::string message) { return Error{std::move(message)}; }

// A problem in the input that makes the command exit 1, under check id `code`.
inline Error problem(std::string code, std::string message, std::string file = {}, int line = 0) {
  return Error{std::move(message), ErrorKind::kProblem, std::move(code), std::move(file), line};
}

// The same error with `prefix` put before its message ("--reuse: " + ...).
inline Error with_prefix(Error e, const std::string& prefix) {
  e.message = prefix + e.message;
  return e;
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  Result(Error error) : error_(std::move(error)) {}

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  // The message of the error (only meaningful when !ok()).
  const std::string& error() const { return error_.message; }
  // The whole error, to hand on unchanged: `if (!r) return r.failure();`.
  const Error& failure() const { return error_; }

 private:
  std::optional<T> value_;
  Error error_;
};

// Result<void>: success or an error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : failed_(true), error_(std::move(error)) {}

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const std::string& error() const { return error_.message; }
  const Error& failure() const { return error_; }

 private:
  bool failed_ = false;
  Error error_;
};

}  // namespace ohm
