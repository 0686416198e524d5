#pragma once
// Calls `onIdle` once when no key or mouse event reached the application for `timeout`
// (app.lock_minutes in vigie.conf, 3 minutes by default; 0 disables the lock). An application-wide
// wxEventFilter only notes the time of the last input; a 1 s timer compares. Rearmed by Reset()
// (after the lock screen is left). Thread affinity: GUI thread.

#include <chrono>
#include <functional>
#include <string>

#include <wx/eventfilter.h>
#include <wx/timer.h>

namespace vigie::gui {

inline constexpr int kDefaultLockMinutes = 3;

// app.lock_minutes of the configuration file (absent file or key: the default; 0: never lock).
// BadInputError (French) for a value that is not a whole number of minutes in 0–240.
int LockMinutesFromConfig(const std::string& configPath);

class InactivityWatcher final : public wxEventFilter, private wxTimer {
public:
    using Clock = std::chrono::steady_clock;
    InactivityWatcher(std::chrono::minutes timeout, std::function<void()> onIdle);
    ~InactivityWatcher() override;
    InactivityWatcher(const InactivityWatcher&) = delete;
    InactivityWatcher& operator=(const InactivityWatcher&) = delete;

    void Reset();               // input seen now; armed again
    void SimulateInactivity();  // automation: as if the timeout had just passed
    std::chrono::minutes Timeout() const { return m_timeout; }

private:
    int FilterEvent(wxEvent& event) override;
    void Notify() override;

    std::chrono::minutes m_timeout;
    std::function<void()> m_onIdle;
    Clock::time_point m_last;
    bool m_fired = false;
};

}  // namespace vigie::gui
