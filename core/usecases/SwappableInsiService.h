#pragma once
// The INSi port with its implementation replaceable while the app runs (Réglages › Connexion
// INSi, issue #6): each call takes the current service under a mutex and runs without it, so a
// call in progress finishes on the service it started with (kept alive by its shared_ptr) and
// the next call uses the new one. Thread-safe (the counter's worker and a bulk run may call it
// while the settings window replaces it).

#include <memory>
#include <mutex>
#include <utility>

#include "core/ports/IInsiService.h"

namespace vigie::usecases {

class SwappableInsiService final : public ports::IInsiService {
public:
    explicit SwappableInsiService(std::shared_ptr<ports::IInsiService> inner) : m_inner(std::move(inner)) {}

    void Replace(std::shared_ptr<ports::IInsiService> inner) {
        std::lock_guard lock(m_mutex);
        m_inner.swap(inner);  // the old one is released outside the lock (when `inner` goes)
    }
    ports::InsiResult SearchByTraits(const ports::InsiTraitsQuery& query, ports::InsiCallMode mode) override {
        return Current()->SearchByTraits(query, mode);
    }
    ports::InsiResult SearchWithVitale(const ports::InsiVitaleQuery& query, ports::InsiCallMode mode) override {
        return Current()->SearchWithVitale(query, mode);
    }

private:
    std::shared_ptr<ports::IInsiService> Current() {
        std::lock_guard lock(m_mutex);
        return m_inner;
    }
    std::mutex m_mutex;
    std::shared_ptr<ports::IInsiService> m_inner;
};

}  // namespace vigie::usecases
