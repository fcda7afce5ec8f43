#include "hash/git_blob_id.h"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

#include "hash/hex.h"

namespace ohm::hash {

std::string git_blob_id(std::string_view bytes) {
  const std::string header = "blob " + std::to_string(bytes.size()) + '\0';
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha1(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), header.data(), header.size()) != 1 ||
      EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &len) != 1) {
    throw std::runtime_error("OpenSSL SHA-1 failed");
  }
  return detail::lower_hex(digest, len);
}

}  // namespace ohm::hash
