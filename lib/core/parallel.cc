#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <system_error>
#include <thread>

namespace ohm {

unsigned default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

void for_each_parallel(const std::vector<std::size_t>& order, unsigned jobs,
                       const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  auto drain = [&]() {
    for (std::size_t k = next++; k < order.size(); k = next++) work(order[k]);
  };
  const std::size_t threads = std::min<std::size_t>(std::max(jobs, 1u), order.size());
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(drain);
    } catch (const std::system_error&) {
      break;  // no thread to be had: the ones running drain the rest
    }
  }
  drain();
  for (std::thread& h : helpers) h.join();
}

void for_each_run(std::size_t count, std::size_t runs, unsigned jobs,
                  const std::function<void(std::size_t, std::size_t, std::size_t)>& work) {
  std::vector<std::size_t> order(runs);
  for (std::size_t r = 0; r < runs; ++r) order[r] = r;
  for_each_parallel(order, jobs, [&](std::size_t r) { work(r, count * r / runs, count * (r + 1) / runs); });
}

std::vector<std::size_t> largest_first(const std::vector<std::uint64_t>& sizes) {
  std::vector<std::size_t> order(sizes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

}  // namespace ohm
