#include <atomic>
#include <boost/test/unit_test.hpp>
#include <mutex>
#include <thread>
#include <vector>

#include "core/util/RateLimiter.h"

using vigie::util::RateLimiter;
using Clock = std::chrono::steady_clock;

BOOST_AUTO_TEST_SUITE(RateLimiterSuite)

// Several threads compete; starts are evenly spaced, so no 1-second window holds more than the cap.
BOOST_AUTO_TEST_CASE(StartsAreSpacedAndNeverExceedTheCap) {
    RateLimiter limiter(40);
    std::vector<Clock::time_point> starts;
    std::mutex m;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 15; ++i) {
                limiter.Acquire();
                std::lock_guard lock(m);
                starts.push_back(Clock::now());
            }
        });
    for (auto& t : threads) t.join();
    std::sort(starts.begin(), starts.end());
    BOOST_REQUIRE(starts.size() == 60u);
    std::size_t maxInWindow = 0;
    for (std::size_t i = 0, j = 0; i < starts.size(); ++i) {
        while (starts[i] - starts[j] >= std::chrono::seconds(1)) ++j;
        maxInWindow = std::max(maxInWindow, i - j + 1);
    }
    BOOST_TEST(maxInWindow <= 40u);
    const double seconds = std::chrono::duration<double>(starts.back() - starts.front()).count();
    BOOST_TEST(59 / seconds <= 40.0);  // the achieved share of the cap is a benchmark figure
}

// The (rate+1)-th start comes after the guard's window (1 s + 150 ms) has passed.
BOOST_AUTO_TEST_CASE(TheWindowGuardHoldsTheNextStart) {
    RateLimiter limiter(10);  // paced every ~115 ms: the 11th start comes at ~1.15 s
    std::vector<Clock::time_point> starts;
    for (int i = 0; i < 11; ++i) {
        limiter.Acquire();
        starts.push_back(Clock::now());
    }
    BOOST_TEST(std::chrono::duration<double>(starts[10] - starts[0]).count() >= 1.15);
}

BOOST_AUTO_TEST_CASE(CancellationStopsTheWait) {
    RateLimiter limiter(0.5);  // one start every ~2 s
    limiter.Acquire();
    std::atomic<bool> cancel{false};
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        cancel = true;
    });
    const auto t0 = Clock::now();
    BOOST_TEST(!limiter.Acquire([&] { return cancel.load(); }));
    canceller.join();
    BOOST_TEST(std::chrono::duration<double>(Clock::now() - t0).count() < 1.9);  // before the 2 s slot
}

BOOST_AUTO_TEST_SUITE_END()
