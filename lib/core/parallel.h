#pragma once
// Running independent pieces of work on a few threads (generate and validate
// --jobs, a large manifest's parse). Callers keep each piece's results in its own slot and read them in
// their own order afterwards, so output never depends on the thread count.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace ohm {

// The default for --jobs: the machine's cores (1 when unknown).
unsigned default_jobs();

// Calls work(i) once for every i in `order`, on up to `jobs` threads (the
// calling one included), taking the indices in the order given: pass the
// biggest pieces first so the last thread to finish is not left with one.
// At most `jobs` pieces run at a time; when no more threads can be started,
// those running take the rest. `work` must not throw.
void for_each_parallel(const std::vector<std::size_t>& order, unsigned jobs,
                       const std::function<void(std::size_t)>& work);

// Calls work(run, from, to) for each of `runs` contiguous runs that split
// [0, count) evenly (run r is [count * r / runs, count * (r + 1) / runs)),
// on up to `jobs` threads, the first runs first: a large array's items in a
// few pieces, each piece's results in its own slot. `work` must not throw.
void for_each_run(std::size_t count, std::size_t runs, unsigned jobs,
                  const std::function<void(std::size_t run, std::size_t from, std::size_t to)>& work);

// 0..sizes.size()-1, the largest size first (ties in index order).
std::vector<std::size_t> largest_first(const std::vector<std::uint64_t>& sizes);

}  // namespace ohm
