#pragma once
#include <chrono>
#include <thread>
#include <type_traits>

namespace vigie::ports {

template <class F>
auto RunInTransaction(IStore& store, TransactionMode mode, F&& work)
    -> decltype(work(std::declval<IStoreTransaction&>())) {
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            auto tx = store.Begin(mode);
            if constexpr (std::is_void_v<decltype(work(*tx))>) {
                work(*tx);
                tx->Commit();
                return;
            } else {
                auto result = work(*tx);
                tx->Commit();
                return result;
            }
        } catch (const TransientStoreError&) {
            if (attempt == kAttempts) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt * attempt));
        }
    }
}

}  // namespace vigie::ports
