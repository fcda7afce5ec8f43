#pragma once
// A value per key computed once per run and shared: what reading a file gives
// (its sha and size, ports, checks, archive listing) is the same for every row
// that links it, so a model linked from 10,000 rows is read once, not 10,000
// times. Safe from the --jobs threads: the first to ask computes, the others
// asking for the same key wait for it.

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ohm::zoo {

template <typename V>
class ReadOnce {
 public:
  // The value for `key`: make() the first time (it must not throw), the same
  // object every later time. It lives as long as this ReadOnce.
  const V& get(const std::string& key, const std::function<V()>& make) {
    Cell* cell = nullptr;
    {
      std::lock_guard<std::mutex> hold(lock_);
      std::unique_ptr<Cell>& slot = cells_[key];
      if (!slot) slot = std::make_unique<Cell>();
      cell = slot.get();  // stays put when the map grows
    }
    std::call_once(cell->once, [&] { cell->value.emplace(make()); });
    return *cell->value;
  }

 private:
  struct Cell {
    std::once_flag once;
    std::optional<V> value;
  };
  std::mutex lock_;
  std::unordered_map<std::string, std::unique_ptr<Cell>> cells_;
};

}  // namespace ohm::zoo
