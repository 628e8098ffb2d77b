#pragma once
// Xapian::Database handles for request threads: Xapian objects are not thread-safe, so each
// request leases a handle of its own, reopened to the latest revision when leased.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

namespace referat::web {

/// A pool of read-only handles on the same databases (local paths or remote shards).
class DatabasePool {
  public:
    /// Opens one handle at once, so a missing database fails before the server starts
    /// (referat::Error).
    explicit DatabasePool(std::vector<std::string> specs);

    /// A handle held by one request; returned to the pool when destroyed.
    class Lease {
      public:
        Lease(DatabasePool& pool, std::unique_ptr<Xapian::Database> db)
            : m_pool(&pool), m_db(std::move(db)) {}
        ~Lease();
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        /// The handle.
        [[nodiscard]] Xapian::Database& db() { return *m_db; }

      private:
        DatabasePool* m_pool;
        std::unique_ptr<Xapian::Database> m_db;
    };

    /// A free handle (or a new one), reopened so it sees what `referat ingest` committed.
    /// Throws referat::Error when the databases cannot be opened.
    [[nodiscard]] Lease acquire();

  private:
    [[nodiscard]] std::unique_ptr<Xapian::Database> open() const;
    void release(std::unique_ptr<Xapian::Database> db);

    std::vector<std::string> m_specs;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Xapian::Database>> m_free;
};

}  // namespace referat::web
