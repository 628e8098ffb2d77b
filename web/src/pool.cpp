#include "pool.hpp"

#include <referat/index/database.hpp>

namespace referat::web {

DatabasePool::DatabasePool(std::vector<std::string> specs) : m_specs(std::move(specs)) {
    m_free.push_back(open());
}

DatabasePool::Lease::~Lease() {
    if (m_db) m_pool->release(std::move(m_db));
}

std::unique_ptr<Xapian::Database> DatabasePool::open() const {
    return std::make_unique<Xapian::Database>(index::open_for_reading(m_specs));
}

void DatabasePool::release(std::unique_ptr<Xapian::Database> db) {
    std::lock_guard lock(m_mutex);
    m_free.push_back(std::move(db));
}

DatabasePool::Lease DatabasePool::acquire() {
    std::unique_ptr<Xapian::Database> db;
    {
        std::lock_guard lock(m_mutex);
        if (!m_free.empty()) {
            db = std::move(m_free.back());
            m_free.pop_back();
        }
    }
    if (!db) return Lease(*this, open());
    try {
        db->reopen();
    } catch (const Xapian::Error&) {
        // A database replaced under us (compact swaps folders): start from a fresh handle.
        db = open();
    }
    return Lease(*this, std::move(db));
}

}  // namespace referat::web
