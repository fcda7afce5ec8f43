#pragma once
// Private to lib/git: a zoo whose files are blobs (the index or a commit's tree).

#include <git2.h>

#include <memory>
#include <optional>
#include <string>

#include "git/internal/repo.h"
#include "zoo/source.h"

namespace ohm::git {

class BlobSource : public zoo::Source {
 public:
  explicit BlobSource(std::shared_ptr<Repo> repo) : repo_(std::move(repo)) {}

  fs::FileStatus stat(const std::string& rel) const override;
  Result<std::string> read(const std::string& rel, std::uint64_t max_bytes) const override;
  Result<std::uint64_t> stream(const std::string& rel, const fs::ChunkSink& sink) const override;
  std::optional<std::string> git_dir() const override { return repo_->git_dir; }
  std::string repo_prefix() const override { return repo_->prefix; }
  std::optional<std::string> object_id(const std::string& rel) const override;

 protected:
  struct Item {
    std::uint32_t mode = 0;  // git file mode (0100644, 0120000, 040000, 0160000)
    git_oid id{};
  };
  // The entry at zoo-relative `rel` ("" is the zoo root, a folder); nullopt when absent.
  virtual std::optional<Item> find(const std::string& rel) const = 0;

  Repo& repo() const { return *repo_; }

 private:
  // find() under the repository's lock.
  std::optional<Item> find_locked(const std::string& rel) const;
  // The loaded blob of a regular file, or why it cannot be read.
  Result<OdbObjectPtr> load(const std::string& rel, std::uint64_t max_bytes) const;
  // The blob of a regular file of at most `max_bytes` in the object
  // database, or why it cannot be read.
  struct Checked {
    git_oid id;
    std::uint64_t size;
  };
  Result<Checked> checked(const std::string& rel, std::uint64_t max_bytes) const;

  std::shared_ptr<Repo> repo_;
};

}  // namespace ohm::git
