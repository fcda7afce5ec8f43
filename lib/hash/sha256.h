#pragma once
// Streaming SHA-256 (OpenSSL EVP behind a small value type).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ohm::hash {

// Incremental SHA-256; feed chunks with update(), then read hex_digest() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void update(std::string_view bytes);
  // Lowercase hex of the digest of everything fed so far. Ends the stream.
  std::string hex_digest();
  std::uint64_t bytes() const { return bytes_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint64_t bytes_ = 0;
};

// SHA-256 of `bytes` as lowercase hex.
std::string sha256_hex(std::string_view bytes);

// True when `s` is 64 lowercase hex digits.
bool is_sha256_hex(std::string_view s);

}  // namespace ohm::hash
