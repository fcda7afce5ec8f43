#pragma once
// An immutable JSON value that copies share: an entry's ports and side-file
// list are most often another entry's (reused from the previous manifest, or
// one model linked from many rows), so copying an Entry copies a pointer, not
// a tree. Reads like std::optional<Json>; empty means absent.

#include <memory>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

namespace ohm::manifest {

using Json = nlohmann::ordered_json;

class SharedJson {
 public:
  SharedJson() = default;
  SharedJson(std::nullopt_t) {}                                                 // NOLINT: as std::optional's
  SharedJson(Json value) : value_(std::make_shared<Json>(std::move(value))) {}  // NOLINT: as std::optional's
  SharedJson& operator=(std::nullopt_t) {
    value_.reset();
    return *this;
  }
  SharedJson& operator=(Json value) {
    value_ = std::make_shared<Json>(std::move(value));
    return *this;
  }

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  const Json& operator*() const { return *value_; }
  const Json* operator->() const { return value_.get(); }
  void reset() { value_.reset(); }

  // The value for changing it, copied first when another SharedJson shares
  // it (an absent one becomes null). For a value being built, on one thread.
  Json& edit() {
    if (!value_) {
      value_ = std::make_shared<Json>();
    } else if (value_.use_count() > 1) {
      value_ = std::make_shared<Json>(*value_);
    }
    return *value_;
  }

  friend bool operator==(const SharedJson& a, const SharedJson& b) {
    return a.value_ == b.value_ || (a.value_ && b.value_ && *a.value_ == *b.value_);
  }
  friend bool operator!=(const SharedJson& a, const SharedJson& b) { return !(a == b); }

 private:
  std::shared_ptr<Json> value_;  // never changed while shared: only edit() writes, after unsharing
};

}  // namespace ohm::manifest
