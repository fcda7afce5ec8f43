#pragma once
// An immutable JSON value that copies share: an entry's ports and side-file
// list are most often another entry's (reused from the previous manifest, or
// one model linked from many rows), so copying an Entry copies a pointer, not
// a tree. Reads like std::optional<Json>; empty means absent.
//
// A value read from a manifest whose bytes are already exactly what the
// writer writes is kept as those bytes (`from_canonical_text`) and parsed only
// if something looks inside it: an unchanged entry is read, compared and
// written again without a JSON tree ever being built.

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace ohm::manifest {

using Json = nlohmann::ordered_json;

class SharedJson {
 public:
  SharedJson() = default;
  SharedJson(std::nullopt_t) {}                                                // NOLINT: as std::optional's
  SharedJson(Json value) : held_(std::make_shared<Held>(std::move(value))) {}  // NOLINT: as std::optional's
  SharedJson& operator=(std::nullopt_t) {
    held_.reset();
    return *this;
  }
  SharedJson& operator=(Json value) {
    held_ = std::make_shared<Held>(std::move(value));
    return *this;
  }

  // The value whose dump_python_style() text, with every line after the
  // first indented by `indent` more spaces, is `text` exactly. The caller
  // vouches for that (manifest/canonical_entry.h checks it).
  static SharedJson from_canonical_text(std::string text, int indent) {
    SharedJson out;
    out.held_ = std::make_shared<Held>(std::move(text), indent);
    return out;
  }
  // That text, when the value was made from it at this indent; else null.
  const std::string* canonical_text(int indent) const {
    return held_ && held_->indent == indent ? &held_->text : nullptr;
  }

  bool has_value() const { return held_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  const Json& operator*() const { return held_->get(); }
  const Json* operator->() const { return &held_->get(); }
  void reset() { held_.reset(); }

  // The value for changing it, copied first when another SharedJson shares
  // it or it is still text (an absent one becomes null). For a value being
  // built, on one thread.
  Json& edit() {
    if (!held_) {
      held_ = std::make_shared<Held>(Json());
    } else if (held_.use_count() > 1 || held_->indent >= 0) {
      held_ = std::make_shared<Held>(Json(held_->get()));
    }
    return held_->value;
  }

  friend bool operator==(const SharedJson& a, const SharedJson& b) {
    if (a.held_ == b.held_) return true;
    if (!a.held_ || !b.held_) return false;
    // One canonical text per value: equal texts, equal values (and no parse).
    if (a.held_->indent >= 0 && a.held_->indent == b.held_->indent) return a.held_->text == b.held_->text;
    return a.held_->get() == b.held_->get();
  }
  friend bool operator!=(const SharedJson& a, const SharedJson& b) { return !(a == b); }

 private:
  struct Held {
    explicit Held(Json v) : value(std::move(v)) {}
    Held(std::string t, int i) : text(std::move(t)), indent(i) {}
    // Parsed from `text` on first use, once whichever threads ask.
    const Json& get() const {
      if (indent >= 0) std::call_once(parsed, [this] { value = Json::parse(text); });
      return value;
    }
    std::string text;
    int indent = -1;  // >= 0: made from canonical text
    mutable std::once_flag parsed;
    mutable Json value;
  };
  std::shared_ptr<Held> held_;  // never changed while shared: only edit() writes, after unsharing
};

}  // namespace ohm::manifest
